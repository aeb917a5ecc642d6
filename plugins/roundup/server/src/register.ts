import type { Core } from '@strapi/strapi';
import { CATEGORY_UID, ENTRY_UID, ROUNDUP_UID, type RoundupContentUID } from './uids';
import { isValidationError } from './utils/errors';
import { getPluginService } from './utils/get-service';

const OUR_TYPES = new Set<string>([CATEGORY_UID, ENTRY_UID, ROUNDUP_UID]);

/**
 * Strapi's own attribute checks say "Invalid format, expected yyyy-MM-dd" and
 * put the field only in `details`; editors and API clients get it in the
 * message too.
 */
const nameFieldsInMessage = (error: Error & { details?: unknown }) => {
  const details = error.details as { errors?: { path?: (string | number)[]; message: string }[] };
  const named = (details?.errors ?? []).map(({ path = [], message }) => {
    const field = path.join('.');
    return field && !message.startsWith(field) ? `${field}: ${message}` : message;
  });
  if (named.length > 0) error.message = named.join('; ');
  return error;
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // Every write to our content types passes the same rules, whoever makes it.
  strapi.documents.use(async (context, next) => {
    const { uid, action, params } = context as unknown as {
      uid: string;
      action: string;
      params: { data?: Record<string, unknown>; documentId?: string };
    };
    if (!OUR_TYPES.has(uid)) return next();
    try {
      if ((action === 'create' || action === 'update') && params.data) {
        await getPluginService(strapi, 'content-rules').prepareWrite(
          uid as RoundupContentUID,
          params.data,
          {
            documentId: action === 'update' ? params.documentId : undefined,
          }
        );
      }
      const write = { uid, action, documentId: params.documentId };
      const proceed = async () => next();
      return await getPluginService(strapi, 'inbox-membership').around(write, () =>
        getPluginService(strapi, 'events').around(write, proceed)
      );
    } catch (error) {
      if (isValidationError(error)) throw nameFieldsInMessage(error);
      throw error;
    }
  });
};
