import type { Core } from '@strapi/strapi';
import {
  groupIntoSections,
  planReorder,
  toCategoryRef,
  type CategoryRef,
  type Placed,
  type ReorderRequest,
} from '../../core/order';
import { orderVersion } from '../../core/order-version';
import type { CategoryRow, EntryRow, RoundupRow } from '../../content-types/rows';
import { CATEGORY_UID, ENTRY_UID, ROUNDUP_UID } from '../../uids';
import type { Knex } from '../../utils/database';
import { documentsOf } from '../../utils/documents';
import { ConflictError, NotFoundError, ValidationError } from '../../utils/errors';

export interface OrderView {
  sections: { category: string | null; entries: string[] }[];
  version: string;
}

/** A roundup's draft as its order is read: each link's section, and its own section order. */
type DraftOrder = Pick<RoundupRow, 'documentId' | 'title'> & {
  entries: (Pick<EntryRow, 'documentId' | 'title'> & {
    category: Pick<CategoryRow, 'documentId' | 'name'> | null;
  })[];
  sections: Pick<CategoryRow, 'documentId' | 'name'>[];
};

/** A link from elsewhere named in a reorder, and the roundup it is in. */
type ForeignEntry = Pick<EntryRow, 'documentId'> & { roundup: Pick<RoundupRow, 'title'> | null };

/**
 * The order of a roundup's draft, as editors change it. Order is draft
 * content: it goes live when the roundup is published. An entry's section is
 * its category, a field of the entry itself, so moving an entry to another
 * section shows at once wherever the entry is published.
 */
const order = ({ strapi }: { strapi: Core.Strapi }) => {
  /** Every category: the sections a roundup can have. */
  const loadCategories = async (): Promise<CategoryRef[]> => {
    const rows: Parameters<typeof toCategoryRef>[0][] = await strapi.db
      .query(CATEGORY_UID)
      .findMany({
        select: ['documentId', 'name', 'slug', 'position'],
        populate: { parent: { select: ['documentId'] } },
      });
    return rows.map(toCategoryRef);
  };

  const loadState = async (documentId: string) => {
    const roundup = await documentsOf(strapi, ROUNDUP_UID).findOne<DraftOrder>({
      documentId,
      status: 'draft',
      fields: ['title'],
      populate: {
        entries: { fields: ['title'], populate: { category: { fields: ['name'] } } },
        sections: { fields: ['name'] },
      },
    });
    if (!roundup) throw new NotFoundError(`No roundup with documentId "${documentId}"`);

    const categories = await loadCategories();
    const entries: Placed[] = roundup.entries.map((entry) => ({
      documentId: entry.documentId,
      category: entry.category?.documentId ?? null,
    }));
    const override = roundup.sections.map((section) => section.documentId);
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
    version: orderVersion(entries, override, categories),
  });

  /** Serialises concurrent reorders of one roundup where the database can lock a row. */
  const lockRoundup = async (trx: Knex, documentId: string) => {
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
        const current = orderVersion(state.entries, state.override, state.categories);
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
        const foreign: ForeignEntry[] = foreignIds.length
          ? await strapi.db.query(ENTRY_UID).findMany({
              where: { documentId: { $in: foreignIds } },
              select: ['documentId'],
              populate: { roundup: { select: ['title'] } },
            })
          : [];
        const elsewhere = new Map(
          foreign.map((row) => [row.documentId, row.roundup?.title ?? null])
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
          await documentsOf(strapi, ENTRY_UID).update({
            documentId: move.entry,
            data: { category: move.category },
          });
        }
        // A parent is on the shared section: the move nests it in every roundup that has both.
        for (const { category, parent } of plan.parents) {
          await documentsOf(strapi, CATEGORY_UID).update({
            documentId: category,
            data: { parent: parent === null ? { set: [] } : { set: [parent] } },
          });
        }
        await documentsOf(strapi, ROUNDUP_UID).update({
          documentId,
          status: 'draft',
          data: { entries: { set: plan.entries }, sections: { set: plan.sectionOverride } },
        });
      });
      return this.get(documentId);
    },
  };
};

export type OrderService = ReturnType<typeof order>;
export default order;
