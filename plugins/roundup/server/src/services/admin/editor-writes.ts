import type { Core } from '@strapi/strapi';
import type { EditorView, NewEntry } from '../../../../shared/contracts/editor';
import { httpUrlProblem } from '../../core/url';
import type { CategoryRow, EntryRow, RoundupRow } from '../../content-types/rows';
import { CATEGORY_UID, ENTRY_UID, ROUNDUP_UID } from '../../uids';
import { documentsOf } from '../../utils/documents';
import { ConflictError, NotFoundError } from '../../utils/errors';
import { getPluginService } from '../../utils/get-service';
import { fieldProblems } from '../../utils/validation';

type InboxLink = Pick<EntryRow, 'documentId'> & {
  roundup: Pick<RoundupRow, 'documentId' | 'title'> | null;
  category: Pick<CategoryRow, 'documentId'> | null;
};

/**
 * What the editor writes from the roundup page: a new roundup, a link added to
 * its draft (new, or from the inbox), publishing and unpublishing. Each answers
 * the roundup's page as it is after the write.
 */
const editorWrites = ({ strapi }: { strapi: Core.Strapi }) => {
  const page = (documentId: string) => getPluginService(strapi, 'roundup-page').view(documentId);

  const isSection = async (documentId: string) => {
    const row: Pick<CategoryRow, 'id'> | null = await strapi.db
      .query(CATEGORY_UID)
      .findOne({ where: { documentId }, select: ['id'] });
    return Boolean(row);
  };

  const requireDraft = async (documentId: string) => {
    const row: Pick<RoundupRow, 'id' | 'documentId' | 'title'> | null = await strapi.db
      .query(ROUNDUP_UID)
      .findOne({
        where: { documentId, publishedAt: null },
        select: ['id', 'documentId', 'title'],
      });
    if (!row) throw new NotFoundError(`No roundup with documentId "${documentId}"`);
    return row;
  };

  /** The inbox link `documentId`, if it may join `roundup`; a 400 or 409 naming why not. */
  const inboxLink = async (documentId: string, roundup: string): Promise<string> => {
    const entry: InboxLink | null = await strapi.db.query(ENTRY_UID).findOne({
      where: { documentId },
      select: ['documentId'],
      populate: {
        roundup: { select: ['documentId', 'title'] },
        category: { select: ['documentId'] },
      },
    });
    if (!entry)
      throw fieldProblems([{ path: 'entry', message: `no link with documentId "${documentId}"` }]);
    if (entry.roundup) {
      throw new ConflictError(
        entry.roundup.documentId === roundup
          ? 'This link is already in this roundup'
          : `This link is already in the roundup "${entry.roundup.title}"`,
        { roundup: entry.roundup.documentId }
      );
    }
    if (!entry.category) {
      throw fieldProblems([
        { path: 'entry', message: 'has no section; give it one before adding it' },
      ]);
    }
    return entry.documentId;
  };

  /** A new link from quick-add, every bad field named at once. */
  const newLink = async (input: NewEntry): Promise<string> => {
    const problems: { path: string; message: string }[] = [];
    const urlProblem = httpUrlProblem(input.url);
    if (urlProblem) problems.push({ path: 'url', message: urlProblem });
    if (!(await isSection(input.category))) {
      problems.push({ path: 'category', message: 'must be one of the sections' });
    }
    if (problems.length > 0) throw fieldProblems(problems);
    const created = await documentsOf(strapi, ENTRY_UID).create({
      data: {
        title: input.title,
        url: input.url,
        author: input.author || null,
        description: input.description || null,
        category: input.category,
      },
    });
    return created.documentId;
  };

  type SectionField = 'sectionNotes' | 'headingLinks';

  /**
   * Sets (or with null removes) a section's values in a roundup draft's
   * per-section JSON fields, all in one write.
   */
  const setSectionValues = async (
    documentId: string,
    category: string,
    values: Partial<Record<SectionField, string | null>>
  ) => {
    await requireDraft(documentId);
    if (!(await isSection(category)))
      throw new NotFoundError(`No roundup section with documentId "${category}"`);
    const fields = Object.keys(values) as SectionField[];
    const row = await documentsOf(strapi, ROUNDUP_UID).findOne<Pick<RoundupRow, SectionField>>({
      documentId,
      status: 'draft',
      // A copy: the Document Service adds its own fields to the list it is given.
      fields: [...fields],
    });
    const data: Partial<Record<SectionField, Record<string, string> | null>> = {};
    for (const field of fields) {
      const bySection = { ...(row?.[field] ?? {}) };
      const value = values[field];
      if (value === null || value === undefined) delete bySection[category];
      else bySection[category] = value;
      data[field] = Object.keys(bySection).length > 0 ? bySection : null;
    }
    await documentsOf(strapi, ROUNDUP_UID).update({ documentId, status: 'draft', data });
  };

  const noteValue = (note: string) => (note.trim() === '' ? null : note);
  const linkValue = (url: string) => (url === '' ? null : url);

  return {
    /** Starts a new roundup as a draft. */
    async create(data: { title: string; date: string; slug?: string }): Promise<EditorView> {
      const created = await documentsOf(strapi, ROUNDUP_UID).create({ data });
      return page(created.documentId);
    },

    /**
     * Adds a link to the end of its section in the roundup's draft: a new one
     * (quick-add; every bad field named at once) or one from the inbox.
     */
    async addEntry(documentId: string, input: { entry: string } | NewEntry): Promise<EditorView> {
      const roundup = await requireDraft(documentId);
      await strapi.db.transaction(async () => {
        const entryId =
          'entry' in input ? await inboxLink(input.entry, documentId) : await newLink(input);
        await documentsOf(strapi, ROUNDUP_UID).update({
          documentId: roundup.documentId,
          status: 'draft',
          data: { entries: { connect: [entryId] } },
        });
      });
      return page(documentId);
    },

    /** This roundup's note under the section `category` (Markdown; empty removes it), in its draft. */
    async setSectionNote(documentId: string, category: string, note: string): Promise<EditorView> {
      await setSectionValues(documentId, category, { sectionNotes: noteValue(note) });
      return page(documentId);
    },

    /** The link on the section `category`'s heading in this roundup's draft (empty removes it). */
    async setSectionLink(documentId: string, category: string, url: string): Promise<EditorView> {
      await setSectionValues(documentId, category, { headingLinks: linkValue(url) });
      return page(documentId);
    },

    /** The note and the heading link of the section `category` in this roundup's draft, in one write. */
    async setSectionText(
      documentId: string,
      category: string,
      { note, url }: { note?: string; url?: string }
    ): Promise<EditorView> {
      await setSectionValues(documentId, category, {
        ...(note === undefined ? {} : { sectionNotes: noteValue(note) }),
        ...(url === undefined ? {} : { headingLinks: linkValue(url) }),
      });
      return page(documentId);
    },

    async publish(documentId: string): Promise<EditorView> {
      await requireDraft(documentId);
      await strapi.documents(ROUNDUP_UID).publish({ documentId });
      return page(documentId);
    },

    async unpublish(documentId: string): Promise<EditorView> {
      await requireDraft(documentId);
      await strapi.documents(ROUNDUP_UID).unpublish({ documentId });
      return page(documentId);
    },
  };
};

export type EditorWritesService = ReturnType<typeof editorWrites>;
export default editorWrites;
