import type { Core } from '@strapi/strapi';
import type { BuildHook } from '../../../../shared/contracts/build-hooks';
import { buildHookSchema, hookIssues } from '../../core/webhooks';
import { BUILD_HOOK_UID } from '../../uids';
import { getPluginConfig } from '../../utils/config';
import { ApplicationError, NotFoundError } from '../../utils/errors';
import { getPluginService } from '../../utils/get-service';
import { fieldProblems } from '../../utils/validation';
import { OutboundError } from '../../outbound';
import type { BuildHookRow } from '../../content-types/rows';
import type { RoundupEvent } from './events';

/** A build hook as stored: what the routes show of it, and its secret. */
export interface StoredHook extends Omit<BuildHook, 'hasSecret'> {
  secret: string | null;
}

/** A hook as APIs and pages show it: never its secret, only whether it has one. */
export const publicHook = ({ secret, ...hook }: StoredHook): BuildHook => ({
  ...hook,
  hasSecret: Boolean(secret),
});

const fromRow = (row: BuildHookRow): StoredHook => ({
  id: row.id,
  name: row.name,
  url: row.url,
  events: row.events ?? [],
  secret: row.secret ?? null,
  headers: row.headers ?? {},
  debounceMs: row.debounceMs,
  maxWaitMs: row.maxWaitMs,
  retry: row.retry,
  enabled: row.enabled !== false,
  disabledReason: row.disabledReason ?? null,
  source: row.source ?? 'admin',
});

/** Build hooks from config/plugins.ts and from the admin panel, in one table. */
const hooks = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(BUILD_HOOK_UID);

  const parse = (input: unknown) => {
    const result = buildHookSchema.safeParse(input);
    if (!result.success) throw fieldProblems(hookIssues(result.error));
    return result.data;
  };

  const reachable = (url: string) => getPluginService(strapi, 'outbound').checkField(url);

  return {
    async list(): Promise<StoredHook[]> {
      const rows: BuildHookRow[] = await query().findMany({ orderBy: { id: 'asc' } });
      return rows.map(fromRow);
    },

    async find(id: number): Promise<StoredHook> {
      const row: BuildHookRow | null = await query().findOne({ where: { id } });
      if (!row) throw new NotFoundError(`No build hook with id ${id}`);
      return fromRow(row);
    },

    /** Enabled hooks that want `event`. */
    async forEvent(event: RoundupEvent): Promise<StoredHook[]> {
      return (await this.list()).filter((hook) => hook.enabled && hook.events.includes(event));
    },

    async create(input: unknown): Promise<StoredHook> {
      const data = parse(input);
      if (await query().findOne({ where: { name: data.name } })) {
        throw fieldProblems([
          { path: 'name', message: `a build hook named "${data.name}" exists already` },
        ]);
      }
      await reachable(data.url);
      return fromRow(await query().create({ data: { ...data, enabled: true, source: 'admin' } }));
    },

    /** Replaces a hook made in the admin panel; a secret left out is kept. */
    async update(id: number, input: unknown): Promise<StoredHook> {
      const current = await this.find(id);
      if (current.source === 'config') {
        throw new ApplicationError(
          `Build hook "${current.name}" is declared in config/plugins.ts; change it there`
        );
      }
      const body = { ...(input as object) } as Record<string, unknown>;
      if (!('secret' in body) && current.secret) body.secret = current.secret;
      const data = parse(body);
      const clash = await query().findOne({ where: { name: data.name, id: { $ne: id } } });
      if (clash)
        throw fieldProblems([
          { path: 'name', message: `a build hook named "${data.name}" exists already` },
        ]);
      await reachable(data.url);
      return fromRow(
        await query().update({
          where: { id },
          data: { secret: null, headers: {}, ...data, enabled: true, disabledReason: null },
        })
      );
    },

    async remove(id: number) {
      const current = await this.find(id);
      if (current.source === 'config') {
        throw new ApplicationError(
          `Build hook "${current.name}" is declared in config/plugins.ts; remove it there`
        );
      }
      await query().delete({ where: { id } });
    },

    async disable(id: number, reason: string) {
      await query().update({ where: { id }, data: { enabled: false, disabledReason: reason } });
    },

    /**
     * Makes the table match the hooks in the plugin config (validated at
     * startup). A hook whose URL the outbound guard refuses stops startup,
     * naming its key; one whose host does not resolve yet is only warned about.
     */
    async syncFromConfig() {
      const declared = getPluginConfig(strapi).webhooks.hooks.map((hook) =>
        buildHookSchema.parse(hook)
      );
      for (const [index, hook] of declared.entries()) {
        try {
          await getPluginService(strapi, 'outbound').check(hook.url);
        } catch (error) {
          if (!(error instanceof OutboundError)) throw error;
          const key = `webhooks.hooks.${index}.url`;
          if (error.code === 'refused')
            throw new Error(`Error regarding roundup config: "${key}" ${error.message}`);
          strapi.log.warn(
            `[roundup] build hook "${hook.name}" (${key}): ${error.message}; deliveries will retry`
          );
        }
      }
      const existing = (await this.list()).filter((hook) => hook.source === 'config');
      for (const hook of declared) {
        const match = existing.find((row) => row.name === hook.name);
        const data = { secret: null, headers: {}, ...hook, source: 'config' };
        if (match) {
          await query().update({ where: { id: match.id }, data });
        } else {
          await query().create({ data: { ...data, enabled: true } });
        }
      }
      const names = new Set(declared.map((hook) => hook.name));
      for (const stale of existing.filter((row) => !names.has(row.name))) {
        await query().delete({ where: { id: stale.id } });
      }
    },
  };
};

export type HooksService = ReturnType<typeof hooks>;
export default hooks;
