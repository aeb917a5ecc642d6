import type { Core } from '@strapi/strapi';
import { canonicalHash, canonicalLengthProblem, canonicalUrl } from '../../core/canonical-url';
import { isoDateProblem } from '../../core/date';
import { frontMatterProblem } from '../../core/front-matter';
import { fieldLengthProblems, type LimitedType } from '../../core/limits';
import {
  sectionHeadingsProblem,
  sectionLinksProblem,
  sectionNotesProblem,
} from '../../core/section-heading';
import { parentLoopProblem, type SectionLink } from '../../core/section-tree';
import { slugCandidate, slugFromText, slugProblem } from '../../core/slug';
import { httpUrlProblem } from '../../core/url';
import { CATEGORY_UID, ENTRY_UID, ROUNDUP_UID, type RoundupContentUID } from '../../uids';
import { columnOf, type Knex } from '../../utils/database';
import { documentValidationError } from '../../utils/errors';
import { getPluginService } from '../../utils/get-service';
import { relationTarget } from '../../utils/relation-target';
import type { CategoryRow } from '../../content-types/rows';
import { VERSION_KEYS } from './content-version';

type Data = Record<string, unknown>;

const LIMITED_TYPE: Record<RoundupContentUID, LimitedType> = {
  [ROUNDUP_UID]: 'roundup',
  [ENTRY_UID]: 'entry',
  [CATEGORY_UID]: 'category',
};

/** Which text field a content type's slug is made from. */
/** Rows per transaction when links are given their canonical URL at startup. */
const FILL_CHUNK = 500;

const SLUG_SOURCE: Partial<Record<RoundupContentUID, string>> = {
  [ROUNDUP_UID]: 'title',
  [CATEGORY_UID]: 'name',
};

/** True when a relation value in document-service data names at least one target. */
const namesTarget = (value: unknown): boolean => {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string' || typeof value === 'number') return String(value).length > 0;
  if (Array.isArray(value)) return value.some(namesTarget);
  if (typeof value === 'object') {
    const relation = value as Record<string, unknown>;
    if ('connect' in relation || 'set' in relation) {
      return namesTarget(relation.connect) || namesTarget(relation.set);
    }
    return 'documentId' in relation || 'id' in relation;
  }
  return false;
};

/**
 * The rules Strapi's attribute types cannot express: every text field within
 * its limit (checked first, so nothing below works on an unbounded value),
 * http(s) URLs, slugs made from titles with slugify and unique per content
 * type, and well-formed extra front matter. They run for every write, whether it comes from the Content
 * Manager, the importer or code, and name the field they reject.
 */
const contentRules = ({ strapi }: { strapi: Core.Strapi }) => {
  // Thrown inside the Document Service, so Strapi's own controllers answer it: 400 naming the field.
  const fieldError = (field: string, message: string, value?: unknown) =>
    documentValidationError(strapi.dirs.app.root, `${field} ${message}`, {
      errors: [{ path: [field], message: `${field} ${message}`, name: 'ValidationError', value }],
    });
  /** Every field longer than its limit, named with its limit, at once. */
  const lengthError = (problems: { path: string; message: string }[]) =>
    documentValidationError(
      strapi.dirs.app.root,
      problems.map((p) => `${p.path} ${p.message}`).join('; '),
      {
        errors: problems.map((p) => ({
          path: [p.path],
          message: `${p.path} ${p.message}`,
          name: 'ValidationError',
        })),
      }
    );

  const slugTaken = async (uid: RoundupContentUID, slug: string, documentId?: string) => {
    const where: Record<string, unknown> = { slug };
    if (documentId) where.documentId = { $ne: documentId };
    const other = await strapi.db.query(uid).findOne({ where, select: ['id'] });
    return Boolean(other);
  };

  const fillSlug = async (uid: RoundupContentUID, data: Data, documentId?: string) => {
    const source = SLUG_SOURCE[uid];
    if (!source) return;
    const given = typeof data.slug === 'string' ? data.slug.trim() : data.slug;

    if (typeof given === 'string' && given.length > 0) {
      const problem = slugProblem(given);
      if (problem) throw fieldError('slug', problem, given);
      if (await slugTaken(uid, given, documentId)) {
        throw fieldError(
          'slug',
          `"${given}" is already used by another ${uid === ROUNDUP_UID ? 'roundup' : 'category'}`,
          given
        );
      }
      data.slug = given;
      return;
    }
    if (given !== undefined && given !== null && given !== '') {
      throw fieldError('slug', 'must be a string', given);
    }
    // On update the slug only changes when the editor emptied it on purpose.
    if (documentId && !('slug' in data)) return;

    let text = data[source];
    if ((typeof text !== 'string' || text.trim() === '') && documentId) {
      const existing = await strapi.db
        .query(uid)
        .findOne({ where: { documentId }, select: [source] });
      text = existing?.[source];
    }
    if (typeof text !== 'string' || text.trim() === '') {
      data.slug = null;
      return;
    }
    const base = slugFromText(text, uid === ROUNDUP_UID ? 'roundup' : 'section');
    for (let attempt = 1; ; attempt += 1) {
      const candidate = slugCandidate(base, attempt);
      if (!(await slugTaken(uid, candidate, documentId))) {
        data.slug = candidate;
        return;
      }
    }
  };

  const checkFields = (uid: RoundupContentUID, data: Data, isCreate: boolean) => {
    if (uid === ENTRY_UID) {
      // The canonical form and its hash are never written directly: they always follow the URL.
      delete data.canonicalUrl;
      delete data.canonicalHash;
      if ('url' in data || isCreate) {
        const problem = httpUrlProblem(data.url);
        if (problem) throw fieldError('url', problem, data.url);
        const canonical = canonicalUrl(data.url as string) as string;
        const tooLong = canonicalLengthProblem(canonical);
        if (tooLong) throw fieldError('url', tooLong, data.url);
        data.canonicalUrl = canonical;
        data.canonicalHash = canonicalHash(canonical);
      }
      if (data.originalUrl !== undefined && data.originalUrl !== null && data.originalUrl !== '') {
        const problem = httpUrlProblem(data.originalUrl);
        if (problem) throw fieldError('originalUrl', problem, data.originalUrl);
      }
      if (isCreate && !namesTarget(data.category)) {
        throw fieldError('category', 'is required: every link belongs to a section');
      }
    }
    if (uid === ROUNDUP_UID && data.date !== undefined && data.date !== null && data.date !== '') {
      const problem = isoDateProblem(data.date);
      if (problem) throw fieldError('date', problem, data.date);
    }
    if (uid === ROUNDUP_UID && 'headings' in data) {
      const problem = sectionHeadingsProblem(data.headings);
      if (problem) throw fieldError('headings', problem, data.headings);
    }
    if (uid === ROUNDUP_UID && 'headingLinks' in data) {
      const problem = sectionLinksProblem(data.headingLinks);
      if (problem) throw fieldError('headingLinks', problem, data.headingLinks);
    }
    if (uid === ROUNDUP_UID && 'sectionNotes' in data) {
      const problem = sectionNotesProblem(data.sectionNotes);
      if (problem) throw fieldError('sectionNotes', problem, data.sectionNotes);
    }
    if (uid === ROUNDUP_UID && 'frontMatter' in data) {
      const problem = frontMatterProblem(data.frontMatter);
      if (problem) throw fieldError('frontMatter', problem, data.frontMatter);
    }
  };

  /** A section may not be put under itself or under one of its own subsections. */
  const refuseParentLoop = async (documentId: string, value: unknown) => {
    const target = relationTarget(value);
    if (!target) return;
    const rows: (Pick<CategoryRow, 'id' | 'documentId' | 'name'> & {
      parent: Pick<CategoryRow, 'documentId'> | null;
    })[] = await strapi.db.query(CATEGORY_UID).findMany({
      select: ['id', 'documentId', 'name'],
      populate: { parent: { select: ['documentId'] } },
    });
    const parent =
      'documentId' in target
        ? target.documentId
        : rows.find((row) => row.id === target.id)?.documentId;
    if (parent === undefined) return;
    const sections = new Map<string, SectionLink>(
      rows.map((row) => [
        row.documentId,
        { name: row.name, parent: row.parent?.documentId ?? null },
      ])
    );
    const problem = parentLoopProblem(documentId, parent, sections);
    if (problem) throw fieldError('parent', problem, parent);
  };

  return {
    /**
     * Gives links saved before the canonical URL or its hash existed (or
     * written around the Document Service) both; run once at startup.
     */
    async fillCanonicalUrls(): Promise<number> {
      const meta = strapi.db.metadata.get(ENTRY_UID);
      const urlColumn = columnOf(strapi, ENTRY_UID, 'url');
      const canonicalColumn = columnOf(strapi, ENTRY_UID, 'canonicalUrl');
      const hashColumn = columnOf(strapi, ENTRY_UID, 'canonicalHash');
      const rows: { id: number; url: string }[] = await strapi.db
        .connection(meta.tableName)
        .select('id', { url: urlColumn })
        .where((missing) => missing.whereNull(canonicalColumn).orWhereNull(hashColumn))
        .whereNotNull(urlColumn);
      // In transactions of a few hundred rows: one commit per row would make a large archive's first boot slow.
      for (let start = 0; start < rows.length; start += FILL_CHUNK) {
        await strapi.db.transaction(async ({ trx }: { trx: Knex }) => {
          for (const row of rows.slice(start, start + FILL_CHUNK)) {
            const canonical = canonicalUrl(row.url);
            await trx(meta.tableName)
              .where({ id: row.id })
              .update({
                [canonicalColumn]: canonical,
                [hashColumn]: canonical === null ? null : canonicalHash(canonical),
              });
          }
        });
      }
      // Duplicate warnings compare canonical URLs: editors' pages cached by any instance are out of date.
      if (rows.length > 0)
        await getPluginService(strapi, 'content-version').bump([VERSION_KEYS.editor]);
      return rows.length;
    },

    /** Checks and completes `data` before Strapi writes it. */
    async prepareWrite(
      uid: RoundupContentUID,
      data: Data,
      { documentId }: { documentId?: string } = {}
    ): Promise<void> {
      const isCreate = !documentId;
      const tooLong = fieldLengthProblems(LIMITED_TYPE[uid], data);
      if (tooLong.length > 0) throw lengthError(tooLong);
      checkFields(uid, data, isCreate);
      // A new section has no subsections yet, so only a moved one can close a loop.
      if (uid === CATEGORY_UID && documentId && 'parent' in data) {
        await refuseParentLoop(documentId, data.parent);
      }
      await fillSlug(uid, data, documentId);
    },
  };
};

export type ContentRulesService = ReturnType<typeof contentRules>;
export default contentRules;
