import type { Core } from '@strapi/strapi';
import type { EntryCard } from '../../../../shared/contracts/editor';
import { findDuplicates, firstLine, urlHost } from '../../core/editor';
import { getPluginService } from '../../utils/get-service';
import type { LinkRow } from './editor-reads';

/**
 * Cards for `rows` as the roundup page and the inbox show them, each with the
 * other roundups that already link to the same URL; `roundup` is the page's own.
 */
export const entryCards = async (
  strapi: Core.Strapi,
  rows: LinkRow[],
  roundup: string | null
): Promise<EntryCard[]> => {
  const urls = [
    ...new Set(rows.map((row) => row.canonicalUrl).filter((url): url is string => Boolean(url))),
  ];
  // Only other links can be duplicates: leaving out the page's own keeps the answer to the few that are.
  const candidates = await getPluginService(strapi, 'editor-reads').candidates(
    urls,
    rows.map((row) => row.documentId)
  );
  const duplicates = findDuplicates(
    rows.map((row) => ({
      documentId: row.documentId,
      canonicalUrl: row.canonicalUrl ?? null,
      roundup,
    })),
    candidates
  );
  return rows.map((row) => ({
    documentId: row.documentId,
    title: row.title,
    url: row.url,
    host: urlHost(row.url),
    author: row.author || null,
    commentary: firstLine(row.description),
    duplicates: duplicates.get(row.documentId) ?? [],
  }));
};
