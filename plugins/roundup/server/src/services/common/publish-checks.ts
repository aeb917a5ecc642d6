import type { Core } from '@strapi/strapi';
import { ROUNDUP_UID } from '../../uids';
import { isValidationError } from '../../utils/errors';

/** A roundup row as the checks read it: its scalar fields, whatever they are. */
interface RoundupVersion {
  id: number;
  publishedAt: string | Date | null;
  locale?: string | null;
  [field: string]: unknown;
}

type PublishValidator = (
  model: unknown,
  data: Record<string, unknown>,
  options: { isDraft: boolean; locale?: string },
  entity?: { id: number }
) => Promise<unknown>;

/**
 * The checks a publish runs, asked ahead of it. Publishing a roundup (from
 * its page, the Content Manager or a schedule) checks its draft with
 * Strapi's validator as a published version: required fields (title, date),
 * lengths and a unique slug. A schedule asks the same validator when it is
 * set, so that it is refused then rather than failing at its time.
 */
const publishChecks = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Why the roundup's draft cannot be published as it stands (none when it can), or null when there is no such roundup. */
  async problems(documentId: string): Promise<string[] | null> {
    const versions: RoundupVersion[] = await strapi.db
      .query(ROUNDUP_UID)
      .findMany({ where: { documentId } });
    const draft = versions.find((version) => !version.publishedAt);
    if (!draft) return null;
    const published = versions.find((version) => version.publishedAt);
    const { id: _id, ...fields } = draft;
    // Strapi's types leave out the entity argument, which keeps the published version's own slug from counting as taken.
    const validate = strapi.entityValidator.validateEntityCreation as unknown as PublishValidator;
    try {
      await validate(
        strapi.getModel(ROUNDUP_UID),
        { ...fields, publishedAt: new Date() },
        { isDraft: false, locale: draft.locale ?? undefined },
        published ? { id: published.id } : undefined
      );
      return [];
    } catch (error) {
      if (!isValidationError(error)) throw error;
      const details = error.details as { errors?: { message: string }[] } | undefined;
      const messages = (details?.errors ?? []).map((problem) => problem.message);
      return messages.length > 0 ? messages : [error.message];
    }
  },
});

export type PublishChecksService = ReturnType<typeof publishChecks>;
export default publishChecks;
