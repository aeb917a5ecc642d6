import type { Core } from '@strapi/strapi';
import { roundupFilePath, type CommittedRoundup, type GitTarget } from '../../core/git';
import type { GitFileRow, RoundupRow } from '../../content-types/rows';
import { ROUNDUP_UID } from '../../uids';
import { getPluginService } from '../../utils/get-service';
import { blobId } from './repository';

/** One file a delivery is about: what the plugin wants there, and what it last wrote there. */
export interface WantedFile {
  path: string;
  content: Buffer | null;
  wanted: string | null;
  known: string | null;
  roundupDocumentId: string | null;
  roundup: CommittedRoundup;
}

type Published = Pick<RoundupRow, 'documentId' | 'slug' | 'title' | 'date'>;

/**
 * What a target should hold for the roundups a delivery names (all of them
 * for "Sync now"): the file of each published one, rendered as /rendered
 * serves it, and the removal of every other file the plugin wrote for them.
 */
const gitWanted = ({ strapi }: { strapi: Core.Strapi }) => ({
  async files(
    target: { id: number; settings: GitTarget },
    documentIds: string[] | null
  ): Promise<WantedFile[]> {
    const known: GitFileRow[] = await getPluginService(strapi, 'git-targets').files(target.id);
    const ids = documentIds ?? null;
    const published: Published[] = await strapi.db.query(ROUNDUP_UID).findMany({
      select: ['documentId', 'slug', 'title', 'date'],
      where: {
        publishedAt: { $notNull: true },
        ...(ids ? { documentId: { $in: ids } } : {}),
      },
      orderBy: [{ date: 'asc' }, { id: 'asc' }],
    });
    const result = new Map<string, WantedFile>();
    for (const { slug, ...roundup } of published) {
      if (!slug) continue;
      const file = roundupFilePath(target.settings.path, { slug, date: roundup.date });
      const output = await getPluginService(strapi, 'rendered').roundup(
        slug,
        target.settings.format
      );
      if (!output) continue;
      result.set(file, {
        path: file,
        content: output.body,
        wanted: await blobId(output.body),
        known: known.find((row) => row.path === file)?.blobId ?? null,
        roundupDocumentId: roundup.documentId,
        roundup: { title: roundup.title, slug, date: roundup.date, removed: false },
      });
    }
    const touched = ids ? known.filter((row) => ids.includes(row.roundupDocumentId ?? '')) : known;
    for (const row of touched) {
      if (result.has(row.path)) continue;
      // The draft of an unpublished roundup still has its title; a deleted one leaves its file name.
      const draft: Published | null = row.roundupDocumentId
        ? await strapi.db.query(ROUNDUP_UID).findOne({
            select: ['documentId', 'slug', 'title', 'date'],
            where: { documentId: row.roundupDocumentId },
          })
        : null;
      const name = row.path.split('/').pop() ?? row.path;
      result.set(row.path, {
        path: row.path,
        content: null,
        wanted: null,
        known: row.blobId,
        roundupDocumentId: row.roundupDocumentId,
        roundup: {
          title: draft?.title ?? name,
          slug: draft?.slug ?? name,
          date: draft?.date ?? '',
          removed: true,
        },
      });
    }
    return [...result.values()];
  },
});

export type GitWantedService = ReturnType<typeof gitWanted>;
export default gitWanted;
