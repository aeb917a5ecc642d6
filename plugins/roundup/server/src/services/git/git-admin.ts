import type { Core } from '@strapi/strapi';
import type { GitResolveInput, GitTargetView } from '../../../../shared/contracts/git-targets';
import { GIT_EVENTS } from '../../core/git';
import type { DeliveryRow, GitTargetRow } from '../../content-types/rows';
import { DELIVERY_UID } from '../../uids';
import { ApplicationError, NotFoundError } from '../../utils/errors';
import { getPluginService } from '../../utils/get-service';
import { targetSource } from './git-targets';

const iso = (ms: string | null) => (ms ? new Date(Number(ms)).toISOString() : null);

/** A target as the routes show it: its settings but never a token, only whether its variable holds one. */
const targetView = (row: GitTargetRow, conflicts: DeliveryRow[]): GitTargetView => ({
  id: row.id,
  name: row.name,
  url: row.settings.url,
  branch: row.settings.branch,
  path: row.settings.path,
  format: row.settings.format,
  tokenEnv: row.settings.tokenEnv ?? null,
  hasToken: Boolean(row.settings.tokenEnv && process.env[row.settings.tokenEnv]),
  username: row.settings.username,
  author: row.settings.author,
  message: row.settings.message,
  removeMessage: row.settings.removeMessage,
  debounceMs: row.settings.debounceMs,
  maxWaitMs: row.settings.maxWaitMs,
  retry: row.settings.retry,
  source: targetSource(row),
  lastCommit: row.lastCommit ?? null,
  lastCommitAt: iso(row.lastCommitAt),
  conflicts: conflicts
    .filter((delivery) => Number(delivery.hookId) === row.id)
    .flatMap((delivery) =>
      (delivery.conflicts ?? []).map(({ path, remoteCommit }) => ({
        delivery: delivery.id,
        path,
        remoteCommit,
      }))
    ),
});

/** The Build hooks page's Git side: targets with their last commit and conflicts, "Sync now", and editors' answers to conflicts. */
const gitAdmin = ({ strapi }: { strapi: Core.Strapi }) => {
  const deliveries = () => strapi.db.query(DELIVERY_UID);
  const waiting = (targetId?: number): Promise<DeliveryRow[]> =>
    deliveries().findMany({
      where: {
        state: 'conflict',
        event: { $in: Object.values(GIT_EVENTS) },
        ...(targetId ? { hookId: targetId } : {}),
      },
      orderBy: { id: 'asc' },
    });

  return {
    async list(): Promise<GitTargetView[]> {
      const conflicts = await waiting();
      return (await getPluginService(strapi, 'git-targets').list()).map((row) =>
        targetView(row, conflicts)
      );
    },

    async create(input: unknown): Promise<GitTargetView> {
      return targetView(await getPluginService(strapi, 'git-targets').create(input), []);
    },

    async update(id: number, input: unknown): Promise<GitTargetView> {
      const row = await getPluginService(strapi, 'git-targets').update(id, input);
      return targetView(row, await waiting(id));
    },

    /** Removes an admin target; deliveries still waiting for it fail when their turn comes. */
    async remove(id: number) {
      await getPluginService(strapi, 'git-targets').remove(id);
    },

    /** "Sync now": the whole published archive, in one commit, sent at once. */
    async sync(id: number) {
      const target = await getPluginService(strapi, 'git-targets').find(id);
      const delivery = await getPluginService(strapi, 'outbox').enqueueGitSync(target);
      await getPluginService(strapi, 'dispatcher').tick();
      return delivery.id;
    },

    /**
     * An editor's answer to a conflict: overwrite the file or leave it as the
     * repository has it. It holds for every delivery of that target waiting on
     * that version of the file; a delivery with no question left is sent again.
     */
    async resolve(deliveryId: number, { path, choice }: GitResolveInput) {
      const delivery: DeliveryRow | null = await deliveries().findOne({
        where: { id: deliveryId },
      });
      if (!delivery) throw new NotFoundError(`No delivery with id ${deliveryId}`);
      const conflict = delivery.conflicts?.find((c) => c.path === path);
      if (delivery.state !== 'conflict' || !conflict)
        throw new ApplicationError(`Delivery ${deliveryId} waits for no answer about ${path}`);
      for (const other of await waiting(Number(delivery.hookId))) {
        const same = other.conflicts?.find(
          (c) => c.path === path && c.remoteBlob === conflict.remoteBlob
        );
        if (!same) continue;
        const resolutions = {
          ...(other.resolutions ?? {}),
          [path]: { choice, remoteBlob: conflict.remoteBlob },
        };
        const open = (other.conflicts ?? []).filter((c) => !(c.path in resolutions));
        await deliveries().updateMany({
          where: { id: other.id, state: 'conflict' },
          data: {
            resolutions,
            ...(open.length ? {} : { state: 'pending', dueAt: Date.now(), conflicts: null }),
          },
        });
      }
      await getPluginService(strapi, 'dispatcher').tick();
    },
  };
};

export type GitAdminService = ReturnType<typeof gitAdmin>;
export default gitAdmin;
