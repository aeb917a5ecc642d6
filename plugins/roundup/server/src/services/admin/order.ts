import type { Core } from '@strapi/strapi';
import {
  groupIntoSections,
  orderVersion,
  planReorder,
  toCategoryRef,
  type CategoryRef,
  type Placed,
  type ReorderRequest,
} from '../../core/order';
import { CATEGORY_UID, ENTRY_UID, ROUNDUP_UID } from '../../uids';
import { ConflictError, NotFoundError, ValidationError } from '../../utils/errors';

export interface OrderView {
  sections: { category: string | null; entries: string[] }[];
  version: string;
}

type Row = Record<string, any>;

/**
 * The order of a roundup's draft, as editors change it. Order is draft
 * content: it goes live when the roundup is published. An entry's section is
 * its category, a field of the entry itself, so moving an entry to another
 * section shows at once wherever the entry is published.
 */
const order = ({ strapi }: { strapi: Core.Strapi }) => {
  /** Every category: the sections a roundup can have. */
  const loadCategories = async (): Promise<CategoryRef[]> => {
    const rows: Row[] = await strapi.db.query(CATEGORY_UID).findMany({
      select: ['documentId', 'name', 'slug', 'position'],
    });
    return rows.map((row) => toCategoryRef(row as CategoryRef));
  };

  const loadState = async (documentId: string) => {
    const roundup: Row | null = await strapi.documents(ROUNDUP_UID).findOne({
      documentId,
      status: 'draft',
      fields: ['title'],
      populate: {
        entries: { fields: ['title'], populate: { category: { fields: ['name'] } } },
        sections: { fields: ['name'] },
      },
    } as any);
    if (!roundup) throw new NotFoundError(`No roundup with documentId "${documentId}"`);

    const categories = await loadCategories();
    const entries: Placed[] = (roundup.entries as Row[]).map((entry) => ({
      documentId: entry.documentId,
      category: entry.category?.documentId ?? null,
    }));
    const override = (roundup.sections as Row[]).map((section) => section.documentId);
    return { roundup, categories, entries, override };
  };

  const view = ({
    categories,
    entries,
    override,
  }: Awaited<ReturnType<typeof loadState>>): OrderView => ({
    sections: groupIntoSections(entries, categories, override, { includeEmpty: true }).map(
      (section) => ({
        category: section.category?.documentId ?? null,
        entries: section.entries.map((entry) => entry.documentId),
      })
    ),
    version: orderVersion(entries, override),
  });

  /** Serialises concurrent reorders of one roundup where the database can lock a row. */
  const lockRoundup = async (trx: any, documentId: string) => {
    const client = strapi.db.dialect.client;
    if (client === 'sqlite') return; // SQLite runs one write transaction at a time anyway.
    const table = strapi.getModel(ROUNDUP_UID).collectionName as string;
    await trx(table).select('id').where({ document_id: documentId }).forUpdate();
  };

  return {
    categories: loadCategories,

    async get(documentId: string): Promise<OrderView> {
      return view(await loadState(documentId));
    },

    /**
     * Applies a whole new order in one transaction, or nothing: a stale
     * `version` is a ConflictError, a bad request a ValidationError naming
     * every problem.
     */
    async set(
      documentId: string,
      request: ReorderRequest & { version?: string }
    ): Promise<OrderView> {
      await strapi.db.transaction(async ({ trx }) => {
        await lockRoundup(trx, documentId);
        const state = await loadState(documentId);
        const current = orderVersion(state.entries, state.override);
        if (request.version !== undefined && request.version !== current) {
          throw new ConflictError(
            'The order of this roundup changed since it was loaded; reload it and apply your change again',
            { version: current }
          );
        }

        const known = new Set(state.entries.map((entry) => entry.documentId));
        const foreignIds = [
          ...new Set(
            request.sections.flatMap((section) => section.entries).filter((id) => !known.has(id))
          ),
        ];
        const foreign: Row[] = foreignIds.length
          ? await strapi.db.query(ENTRY_UID).findMany({
              where: { documentId: { $in: foreignIds } },
              select: ['documentId'],
              populate: { roundup: { select: ['title'] } },
            })
          : [];
        const elsewhere = new Map(
          foreign.map((row) => [
            row.documentId as string,
            (row.roundup?.title ?? null) as string | null,
          ])
        );

        const { plan, problems } = planReorder(request, {
          categories: state.categories,
          current: state.entries,
          elsewhere,
        });
        if (!plan) {
          throw new ValidationError(problems.map((p) => p.message).join('; '), {
            errors: problems.map((p) => ({ ...p, name: 'ValidationError' })),
          });
        }

        for (const move of plan.moves) {
          await strapi.documents(ENTRY_UID).update({
            documentId: move.entry,
            data: { category: move.category },
          } as any);
        }
        await strapi.documents(ROUNDUP_UID).update({
          documentId,
          status: 'draft',
          data: { entries: { set: plan.entries }, sections: { set: plan.sectionOverride } },
        } as any);
      });
      return this.get(documentId);
    },
  };
};

export type OrderService = ReturnType<typeof order>;
export default order;
