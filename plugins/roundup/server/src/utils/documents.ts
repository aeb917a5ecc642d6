import type { Core } from '@strapi/strapi';
import type { CategoryRow, EntryRow, RoundupRow } from '../content-types/rows';
import { CATEGORY_UID, ENTRY_UID, ROUNDUP_UID, type RoundupContentUID } from '../uids';

/** A relation as a Document Service write names it: a documentId, or documentIds to connect or set. */
export type RelationWrite = string | null | { connect?: string[]; set?: string[] };

type Fields<Row> = Partial<
  Omit<Row, 'id' | 'documentId' | 'createdAt' | 'updatedAt' | 'publishedAt'>
>;

/** What a write may hold, per content type. */
export interface DocumentData {
  [CATEGORY_UID]: Fields<Omit<CategoryRow, 'parent'>> & { parent?: RelationWrite };
  [ENTRY_UID]: Fields<Omit<EntryRow, 'category' | 'roundup' | 'capturedAt'>> & {
    category?: RelationWrite;
    roundup?: RelationWrite;
    capturedAt?: Date | string | null;
  };
  [ROUNDUP_UID]: Fields<Omit<RoundupRow, 'entries' | 'sections'>> & {
    entries?: RelationWrite;
    sections?: RelationWrite;
  };
}

type Status = 'draft' | 'published';

/**
 * The Document Service of one of the plugin's content types, typed. Strapi
 * types documents from the app's generated types, which never include a
 * plugin's own content types: here each write states what it holds, and each
 * read the row its fields and populate give (see content-types/rows.ts).
 */
export const documentsOf = <Uid extends RoundupContentUID>(strapi: Core.Strapi, uid: Uid) => {
  const documents = strapi.documents(uid);
  type CreateParams = Parameters<typeof documents.create>[0];
  type UpdateParams = Parameters<typeof documents.update>[0];
  return {
    findFirst: async <Row>(params: Parameters<typeof documents.findFirst>[0]) =>
      (await documents.findFirst(params)) as unknown as Row | null,
    findOne: async <Row>(params: Parameters<typeof documents.findOne>[0]) =>
      (await documents.findOne(params)) as unknown as Row | null,
    findMany: async <Row>(params: Parameters<typeof documents.findMany>[0]) =>
      (await documents.findMany(params)) as unknown as Row[],
    create: (params: { data: DocumentData[Uid]; status?: Status }) =>
      documents.create(params as unknown as CreateParams),
    update: (params: { documentId: string; status?: Status; data: DocumentData[Uid] }) =>
      documents.update(params as unknown as UpdateParams),
  };
};
