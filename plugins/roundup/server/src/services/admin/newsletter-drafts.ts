import type { Core } from '@strapi/strapi';
import type { NewsletterService } from '../../core/newsletter';
import { NEWSLETTER_DRAFT_UID } from '../../uids';

export interface NewsletterDraftRow {
  id: number;
  roundupDocumentId: string;
  service: NewsletterService;
  remoteId: string;
  pushedAt: string | number | null;
}

/** Which draft or campaign each roundup has in each newsletter service. */
const newsletterDrafts = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(NEWSLETTER_DRAFT_UID);

  return {
    async find(roundupDocumentId: string, service: NewsletterService) {
      return (await query().findOne({
        where: { roundupDocumentId, service },
        orderBy: { id: 'asc' },
      })) as NewsletterDraftRow | null;
    },

    /** Remembers `remoteId` as the roundup's draft in `service`, replacing an older one. */
    async save(roundupDocumentId: string, service: NewsletterService, remoteId: string) {
      const pushedAt = Date.now();
      const existing = await this.find(roundupDocumentId, service);
      if (existing)
        await query().update({ where: { id: existing.id }, data: { remoteId, pushedAt } });
      else await query().create({ data: { roundupDocumentId, service, remoteId, pushedAt } });
    },

    /** Forgets the draft the service no longer has (deleted there), so the next push makes one. */
    async forget(roundupDocumentId: string, service: NewsletterService) {
      await query().deleteMany({ where: { roundupDocumentId, service } });
    },
  };
};

export type NewsletterDraftsService = ReturnType<typeof newsletterDrafts>;
export default newsletterDrafts;
