import type { Core } from '@strapi/strapi';
import { CATEGORY_UID, CONTENT_VERSION_UID, ENTRY_UID, ROUNDUP_UID } from '../../uids';

const KEY = 'content';
const WATCHED = [CATEGORY_UID, ENTRY_UID, ROUNDUP_UID];
const WRITE_EVENTS = [
  'afterCreate',
  'afterCreateMany',
  'afterUpdate',
  'afterUpdateMany',
  'afterDelete',
  'afterDeleteMany',
] as const;

/**
 * The version of everything readers can see. Any write to a roundup, link or
 * section bumps it inside the write's own transaction, so the new version and
 * the new content become visible together.
 */
const contentVersion = ({ strapi }: { strapi: Core.Strapi }) => {
  const table = () => strapi.getModel(CONTENT_VERSION_UID).collectionName as string;

  const bump = () =>
    strapi.db.transaction(async ({ trx }) => {
      const updated = await trx(table()).where({ key: KEY }).increment('version', 1);
      if (!updated) await strapi.db.query(CONTENT_VERSION_UID).create({ data: { key: KEY, version: 2 } });
    });

  return {
    /** Subscribes to writes of our content types; called once in register. */
    watchWrites() {
      const handlers = Object.fromEntries(WRITE_EVENTS.map((event) => [event, bump]));
      strapi.db.lifecycles.subscribe({ models: WATCHED, ...handlers });
    },

    /** The current version, read from the database (one small query). */
    async current(): Promise<string> {
      const row = await strapi.db.connection(table()).select('version').where({ key: KEY }).first();
      return String(row?.version ?? 1);
    },

    bump,
  };
};

export type ContentVersionService = ReturnType<typeof contentVersion>;
export default contentVersion;
