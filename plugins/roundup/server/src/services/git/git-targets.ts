import type { Core } from '@strapi/strapi';
import { gitTargetSchema } from '../../core/git';
import type { GitFileRow, GitTargetRow } from '../../content-types/rows';
import { GIT_FILE_UID, GIT_TARGET_UID } from '../../uids';
import { getPluginConfig } from '../../utils/config';
import { NotFoundError } from '../../utils/errors';
import { getPluginService } from '../../utils/get-service';
import { OutboundError } from '../../outbound';

/**
 * Git targets from config/plugins.ts, one row each; the files the plugin
 * wrote to each; and the lease that lets one instance at a time commit to a
 * target.
 */
const gitTargets = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(GIT_TARGET_UID);
  const files = () => strapi.db.query(GIT_FILE_UID);

  return {
    async list(): Promise<GitTargetRow[]> {
      return query().findMany({ orderBy: { id: 'asc' } });
    },

    async find(id: number): Promise<GitTargetRow> {
      const row: GitTargetRow | null = await query().findOne({ where: { id } });
      if (!row) throw new NotFoundError(`No Git target with id ${id}`);
      return row;
    },

    /**
     * Makes the table match the config (validated at startup). A URL the
     * outbound guard refuses stops startup, naming its key.
     */
    async syncFromConfig() {
      const declared = getPluginConfig(strapi).git.targets.map((target) =>
        gitTargetSchema.parse(target)
      );
      for (const [index, target] of declared.entries()) {
        try {
          await getPluginService(strapi, 'outbound').check(target.url);
        } catch (error) {
          if (!(error instanceof OutboundError)) throw error;
          const key = `git.targets.${index}.url`;
          if (error.code === 'refused')
            throw new Error(`Error regarding roundup config: "${key}" ${error.message}`);
          strapi.log.warn(`[roundup] Git target "${target.name}" (${key}): ${error.message}`);
        }
      }
      const existing = await this.list();
      for (const target of declared) {
        const match = existing.find((row) => row.name === target.name);
        if (match) await query().update({ where: { id: match.id }, data: { settings: target } });
        else await query().create({ data: { name: target.name, settings: target } });
      }
      const names = new Set(declared.map((target) => target.name));
      for (const stale of existing.filter((row) => !names.has(row.name))) {
        await files().deleteMany({ where: { targetId: stale.id } });
        await query().delete({ where: { id: stale.id } });
      }
    },

    /** Takes the target for `instance` until `now + ttlMs`, unless another instance holds it. */
    async lock(id: number, instance: string, ttlMs: number, now = Date.now()): Promise<boolean> {
      const { count } = await query().updateMany({
        where: {
          id,
          $or: [{ lockedUntil: null }, { lockedUntil: { $lt: now } }, { lockedBy: instance }],
        },
        data: { lockedBy: instance, lockedUntil: now + ttlMs },
      });
      return count === 1;
    },

    async unlock(id: number, instance: string) {
      await query().updateMany({
        where: { id, lockedBy: instance },
        data: { lockedBy: null, lockedUntil: null },
      });
    },

    async recordCommit(id: number, commit: string, now = Date.now()) {
      await query().updateMany({ where: { id }, data: { lastCommit: commit, lastCommitAt: now } });
    },

    /** The files the plugin wrote to target `id`, with the blob it wrote. */
    async files(id: number): Promise<GitFileRow[]> {
      return files().findMany({ where: { targetId: id }, orderBy: { id: 'asc' } });
    },

    /** Records that the plugin's version of `path` is `blob` (null: the file is not ours any more). */
    async remember(
      id: number,
      path: string,
      blob: string | null,
      roundupDocumentId: string | null
    ) {
      await files().deleteMany({ where: { targetId: id, path } });
      if (blob)
        await files().create({ data: { targetId: id, path, blobId: blob, roundupDocumentId } });
    },
  };
};

export type GitTargetsService = ReturnType<typeof gitTargets>;
export default gitTargets;
