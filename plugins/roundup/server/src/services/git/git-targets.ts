import type { Core } from '@strapi/strapi';
import { gitTargetIssues, gitTargetSchema, type GitTarget } from '../../core/git';
import type { GitFileRow, GitTargetRow } from '../../content-types/rows';
import { GIT_FILE_UID, GIT_TARGET_UID } from '../../uids';
import { getPluginConfig } from '../../utils/config';
import { ApplicationError, ConflictError, NotFoundError } from '../../utils/errors';
import { fieldProblems } from '../../utils/validation';
import { getPluginService } from '../../utils/get-service';
import { OutboundError } from '../../outbound';

/** Where a target came from; rows stored before targets could be made in the admin panel came from config. */
export const targetSource = (row: GitTargetRow) => row.source ?? 'config';

/**
 * Git targets from config/plugins.ts and from the admin panel, one row each;
 * the files the plugin wrote to each; and the lease that lets one instance at
 * a time commit to a target.
 */
const gitTargets = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(GIT_TARGET_UID);
  const files = () => strapi.db.query(GIT_FILE_UID);

  /** The same rules as config/plugins.ts; a 400 naming each bad field. */
  const parse = (input: unknown): GitTarget => {
    const result = gitTargetSchema.safeParse(input ?? {});
    if (!result.success) throw fieldProblems(gitTargetIssues(result.error));
    return result.data;
  };

  const reachable = (url: string) => getPluginService(strapi, 'outbound').checkField(url);

  /** A 409 when another target holds `name` (names are how config rows are matched). */
  const nameFree = async (name: string, except?: number) => {
    const clash: GitTargetRow | null = await query().findOne({
      where: { name, ...(except ? { id: { $ne: except } } : {}) },
    });
    if (!clash) return;
    const where =
      targetSource(clash) === 'config' ? ' in config/plugins.ts' : ' in the admin panel';
    throw new ConflictError(`name: a Git target named "${name}" exists already${where}`, {
      errors: [{ path: ['name'], message: `name: "${name}" is taken`, name: 'ValidationError' }],
    });
  };

  /** A 400 naming config/plugins.ts when `row` is declared there. */
  const editable = (row: GitTargetRow, verb: 'change' | 'remove') => {
    if (targetSource(row) === 'config')
      throw new ApplicationError(
        `Git target "${row.name}" is declared in config/plugins.ts; ${verb} it there`
      );
  };

  return {
    async list(): Promise<GitTargetRow[]> {
      return query().findMany({ orderBy: { id: 'asc' } });
    },

    async find(id: number): Promise<GitTargetRow> {
      const row: GitTargetRow | null = await query().findOne({ where: { id } });
      if (!row) throw new NotFoundError(`No Git target with id ${id}`);
      return row;
    },

    /** A target made in the admin panel, validated as config is. */
    async create(input: unknown): Promise<GitTargetRow> {
      const settings = parse(input);
      await nameFree(settings.name);
      await reachable(settings.url);
      return query().create({ data: { name: settings.name, settings, source: 'admin' } });
    },

    /**
     * Replaces an admin target's settings. A new repository or branch forgets
     * the files the plugin wrote to the old one, so nothing there counts as ours.
     */
    async update(id: number, input: unknown): Promise<GitTargetRow> {
      const current = await this.find(id);
      editable(current, 'change');
      const settings = parse(input);
      await nameFree(settings.name, id);
      await reachable(settings.url);
      const moved =
        settings.url !== current.settings.url || settings.branch !== current.settings.branch;
      if (moved) await files().deleteMany({ where: { targetId: id } });
      return query().update({
        where: { id },
        data: {
          name: settings.name,
          settings,
          ...(moved ? { lastCommit: null, lastCommitAt: null } : {}),
        },
      });
    },

    /** Removes an admin target and the plugin's records of its files; the repository keeps them. */
    async remove(id: number) {
      const current = await this.find(id);
      editable(current, 'remove');
      await files().deleteMany({ where: { targetId: id } });
      await query().delete({ where: { id } });
    },

    /**
     * Makes the config rows match the config (validated at startup); targets
     * made in the admin panel are left alone. A URL the outbound guard
     * refuses, or a name an admin target holds, stops startup, naming its key.
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
      const all = await this.list();
      for (const [index, target] of declared.entries()) {
        const taken = all.find((row) => row.name === target.name && targetSource(row) === 'admin');
        if (taken)
          throw new Error(
            `Error regarding roundup config: "git.targets.${index}.name" "${target.name}" is the name of a Git target made in the admin panel; rename one of them`
          );
      }
      const existing = all.filter((row) => targetSource(row) === 'config');
      for (const target of declared) {
        const match = existing.find((row) => row.name === target.name);
        const data = { settings: target, source: 'config' };
        if (match) await query().update({ where: { id: match.id }, data });
        else await query().create({ data: { name: target.name, ...data } });
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
