import type { Core } from '@strapi/strapi';
import { CATEGORY_UID, ENTRY_UID, ROUNDUP_UID, type RoundupContentUID } from './uids';
import { getPluginService } from './utils/get-service';

const OUR_TYPES = new Set<string>([CATEGORY_UID, ENTRY_UID, ROUNDUP_UID]);

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // Every write to our content types passes the same rules, whoever makes it.
  strapi.documents.use(async (context, next) => {
    const { uid, action, params } = context as unknown as {
      uid: string;
      action: string;
      params: { data?: Record<string, unknown>; documentId?: string };
    };
    if (OUR_TYPES.has(uid) && (action === 'create' || action === 'update') && params.data) {
      await getPluginService(strapi, 'content-rules').prepareWrite(uid as RoundupContentUID, params.data, {
        documentId: action === 'update' ? params.documentId : undefined,
      });
    }
    return next();
  });
};
