import type { Core } from '@strapi/strapi';
import type { NewsletterContent } from '../../core/newsletter';
import { NotFoundError } from '../../utils/errors';
import { getPluginService } from '../../utils/get-service';

/** A roundup as a newsletter: its subject, email document, text and preheader. */
const newsletterContent = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The roundup's `status` version rendered for email; NotFoundError when there is none. */
  async load(documentId: string, status: 'draft' | 'published'): Promise<NewsletterContent> {
    const roundup = await getPluginService(strapi, 'published').loadDocument(documentId, status);
    if (!roundup) throw new NotFoundError(`No roundup with documentId "${documentId}"`);
    const renderer = getPluginService(strapi, 'rendered').newsletter();
    return {
      subject: roundup.title,
      html: renderer.email(roundup),
      text: renderer.text(roundup),
      preview: renderer.preview(roundup),
    };
  },
});

export type NewsletterContentService = ReturnType<typeof newsletterContent>;
export default newsletterContent;
