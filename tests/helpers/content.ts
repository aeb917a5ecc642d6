import type { Core } from '@strapi/strapi';
import { docs } from './admin';

let sequence = 0;
const next = () => (sequence += 1);

/** Creates a category through the Document Service. */
export const makeCategory = async (strapi: Core.Strapi, data: Record<string, unknown> = {}) =>
  docs(strapi, 'category').create({
    data: { name: `Section ${next()}`, position: 100 + sequence, ...data },
  });

/**
 * Creates a roundup with entries per section (a map from category documentId
 * to entry titles), in that order, and publishes it unless `publish` is false.
 */
export const makeRoundup = async (
  strapi: Core.Strapi,
  {
    title = `Roundup ${next()}`,
    date = '2026-08-31',
    sections = {},
    publish = true,
    ...fields
  }: {
    title?: string;
    date?: string;
    sections?: Record<string, string[]>;
    publish?: boolean;
    [field: string]: unknown;
  } = {}
) => {
  const roundup = await docs(strapi, 'roundup').create({ data: { title, date, ...fields } });
  const entries: Record<string, string> = {};
  for (const [category, titles] of Object.entries(sections)) {
    for (const entryTitle of titles) {
      const entry = await docs(strapi, 'entry').create({
        data: {
          title: entryTitle,
          url: `https://example.com/${encodeURIComponent(entryTitle)}`,
          author: `Author of ${entryTitle}`,
          description: `Why ${entryTitle} is worth reading.`,
          category,
        },
      });
      entries[entryTitle] = entry.documentId;
    }
  }
  await docs(strapi, 'roundup').update({
    documentId: roundup.documentId,
    data: { entries: { set: Object.values(entries) } },
  });
  if (publish) await docs(strapi, 'roundup').publish({ documentId: roundup.documentId });
  const stored = await docs(strapi, 'roundup').findOne({ documentId: roundup.documentId });
  return { documentId: roundup.documentId as string, slug: stored!.slug as string, entries };
};

/** Titles per section name of a public roundup response. */
export const sectionTitles = (roundup: {
  sections: { category: { name: string } | null; entries: { title: string }[] }[];
}) =>
  roundup.sections.map((section) => [
    section.category?.name ?? null,
    section.entries.map((e) => e.title),
  ]);
