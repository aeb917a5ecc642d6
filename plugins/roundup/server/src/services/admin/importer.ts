import type { Core } from '@strapi/strapi';
import type { ImportCheck, ImportRequest, ImportResult } from '../../../../shared/contracts/import';
import { isoDateProblem } from '../../core/date';
import { normaliseSectionName, parseRoundupMarkdown, RoundupParseError } from '../../core/import';
import type { Roundup } from '../../core/model';
import type { SectionHeadings, SectionLinks, SectionNotes } from '../../core/section-heading';
import { sectionsInOrder } from '../../core/section-tree';
import type { CategoryRow, EntryRow, RoundupRow } from '../../content-types/rows';
import { CATEGORY_UID, ENTRY_UID, ROUNDUP_UID } from '../../uids';
import { documentsOf } from '../../utils/documents';
import { ConflictError, ValidationError } from '../../utils/errors';
import { getPluginConfig } from '../../utils/config';
import { getPluginService } from '../../utils/get-service';
import { fieldProblems } from '../../utils/validation';

export type { ImportRequest };

const counts = (roundup: Roundup) => {
  const sections = sectionsInOrder(roundup.sections);
  return {
    sections: sections.length,
    entries: sections.reduce((sum, { section }) => sum + section.entries.length, 0),
  };
};

/**
 * Jekyll roundup posts in and out. An import is one transaction: the
 * roundup, its sections' categories and its links are all written, or none.
 */
const importer = ({ strapi }: { strapi: Core.Strapi }) => {
  const parse = (request: ImportRequest) => {
    let parsed;
    try {
      parsed = parseRoundupMarkdown(request.markdown, {
        fileName: request.fileName,
        markdown: getPluginConfig(strapi).markdown,
      });
    } catch (error) {
      if (error instanceof RoundupParseError) {
        throw new ValidationError(`markdown: ${error.message}`, {
          errors: [
            {
              path: ['markdown'],
              message: `markdown: ${error.message}`,
              name: 'ValidationError',
              line: error.line,
            },
          ],
        });
      }
      throw error;
    }
    const { roundup } = parsed;
    if (!roundup.date && request.date) roundup.date = request.date;
    // Each field within the limit the Document Service would hold it to, named (with its line) in the dry run too.
    const problems = [...parsed.urlProblems, ...parsed.lengthProblems].map((problem) => ({
      path: problem.field,
      message: problem.message,
    }));
    if (!roundup.date) {
      problems.push({
        path: 'date',
        message: 'the post has no date: give one in the front matter, the file name or the request',
      });
    } else if (isoDateProblem(roundup.date)) {
      problems.push({ path: 'date', message: `${isoDateProblem(roundup.date)} (${roundup.date})` });
    }
    return { parsed, problems };
  };

  /**
   * The category documentId for each section (in reading order), creating the
   * missing ones under the post's parent section; the post's own heading text
   * where it differs from a shared section's name, and the links its headings are. A section that exists keeps
   * its place in the tree: other roundups show it there too.
   */
  const categoriesFor = async (roundup: Roundup) => {
    const existing: Pick<CategoryRow, 'documentId' | 'name' | 'position'>[] = await strapi.db
      .query(CATEGORY_UID)
      .findMany({ select: ['documentId', 'name', 'position'] });
    const byName = new Map(existing.map((row) => [normaliseSectionName(row.name), row]));
    let position = existing.reduce((max, row) => Math.max(max, row.position ?? 0), 0);
    const ids: string[] = [];
    const headings: SectionHeadings = {};
    const links: SectionLinks = {};
    const notes: SectionNotes = {};
    const place = async (sections: Roundup['sections'], parent: string | null) => {
      for (const section of sections) {
        const name = section.category?.name ?? 'Other';
        let category = byName.get(normaliseSectionName(name));
        if (!category) {
          position += 1;
          const { documentId } = await documentsOf(strapi, CATEGORY_UID).create({
            data: { name, position, parent },
          });
          category = { documentId, name, position };
          byName.set(normaliseSectionName(name), category);
        }
        if (category.name !== name) headings[category.documentId] = name;
        if (section.url) links[category.documentId] = section.url;
        if (section.note) notes[category.documentId] = section.note;
        ids.push(category.documentId);
        await place(section.children ?? [], category.documentId);
      }
    };
    await place(roundup.sections, null);
    const orNull = <T extends object>(map: T) => (Object.keys(map).length > 0 ? map : null);
    return {
      ids,
      headings: orNull(headings),
      headingLinks: orNull(links),
      sectionNotes: orNull(notes),
    };
  };

  return {
    async import(
      request: ImportRequest
    ): Promise<
      | { status: 200; body: ImportCheck & { roundup: Roundup } }
      | { status: 201; body: ImportResult }
    > {
      const { parsed, problems } = parse(request);
      const { roundup, warnings } = parsed;
      if (request.dryRun) {
        return { status: 200, body: { ...counts(roundup), warnings, problems, roundup } };
      }
      if (problems.length) throw fieldProblems(problems);

      const existing: Pick<RoundupRow, 'documentId'> | null = await strapi.db
        .query(ROUNDUP_UID)
        .findOne({ where: { slug: roundup.slug }, select: ['documentId'] });
      if (existing && !request.replace) {
        throw new ConflictError(
          `A roundup with slug "${roundup.slug}" exists; send "replace": true to update it`,
          {
            documentId: existing.documentId,
          }
        );
      }

      const documentId = await strapi.db.transaction(async () => {
        const fields = {
          title: roundup.title,
          slug: roundup.slug,
          date: roundup.date,
          excerpt: roundup.excerpt,
          intro: roundup.intro,
          outro: roundup.outro,
          layout: roundup.layout,
          frontMatter: roundup.frontMatter,
        };
        let id: string;
        if (existing) {
          id = existing.documentId;
          const old: Pick<EntryRow, 'documentId'>[] = await strapi.db
            .query(ENTRY_UID)
            .findMany({ where: { roundup: { documentId: id } }, select: ['documentId'] });
          for (const entry of new Set(old.map((row) => row.documentId))) {
            await strapi.documents(ENTRY_UID).delete({ documentId: entry });
          }
          await documentsOf(strapi, ROUNDUP_UID).update({
            documentId: id,
            data: { ...fields, sections: { set: [] } },
          });
        } else {
          id = (await documentsOf(strapi, ROUNDUP_UID).create({ data: fields })).documentId;
        }
        const { ids: categories, ...own } = await categoriesFor(roundup);
        const entryIds: string[] = [];
        for (const { section, index: s } of sectionsInOrder(roundup.sections)) {
          for (const entry of section.entries) {
            const created = await documentsOf(strapi, ENTRY_UID).create({
              data: { ...entry, category: categories[s] },
            });
            entryIds.push(created.documentId);
          }
        }
        await documentsOf(strapi, ROUNDUP_UID).update({
          documentId: id,
          data: {
            entries: { set: entryIds },
            sections: { set: categories },
            ...own,
          },
        });
        if (request.publish) await strapi.documents(ROUNDUP_UID).publish({ documentId: id });
        return id;
      });

      return {
        status: 201,
        body: { documentId, slug: roundup.slug, ...counts(roundup), warnings },
      };
    },

    /** The Markdown of a roundup's draft or published version, or null. */
    async export(
      documentId: string,
      status: 'draft' | 'published'
    ): Promise<{ markdown: string; fileName: string } | null> {
      const roundup = await getPluginService(strapi, 'published').loadDocument(documentId, status);
      if (!roundup) return null;
      return {
        markdown: getPluginService(strapi, 'rendered').renderer().markdown(roundup),
        fileName: `${roundup.date}-${roundup.slug}.md`,
      };
    },
  };
};

export type ImporterService = ReturnType<typeof importer>;
export default importer;
