import { STATUS_CODES } from 'node:http';
import type { Core } from '@strapi/strapi';
import { commitMessage, decideFile, type FileDecision } from '../../core/git';
import { nextAttemptDelay } from '../../core/webhooks';
import type { DeliveryRow, GitConflict, GitTargetRow } from '../../content-types/rows';
import { OutboundError } from '../../outbound';
import { getPluginConfig } from '../../utils/config';
import { NotFoundError } from '../../utils/errors';
import { getPluginService } from '../../utils/get-service';
import { gitHttp } from './git-http';
import type { WantedFile } from './git-wanted';
import { branchMoved, httpStatusOf, openBranch } from './repository';

/** How often a commit is made again on a branch that moved between fetch and push. */
const MOVED_BRANCH_TRIES = 3;
/** How soon a delivery waiting for another instance's commit to the same target looks again. */
const BUSY_DELAY_MS = 1000;

type Outcome =
  | { kind: 'committed'; commit: string; files: number }
  | { kind: 'unchanged' }
  | { kind: 'conflict'; conflicts: GitConflict[] };

/**
 * One attempt of a Git target's delivery: fetch the branch, decide each file
 * (core/git's decideFile), and commit the changes on top of the branch, never
 * forcing; a branch that moved meanwhile is fetched again. Files someone else
 * changed stop the delivery as a conflict until an editor answers.
 */
const gitPublish = ({ strapi }: { strapi: Core.Strapi }) => {
  const targets = () => getPluginService(strapi, 'git-targets');

  const commitOnce = async (
    target: GitTargetRow,
    delivery: DeliveryRow,
    files: WantedFile[]
  ): Promise<Outcome | 'moved'> => {
    const { settings } = target;
    const { maxBytes, timeoutMs } = getPluginConfig(strapi).git;
    const token = settings.tokenEnv ? process.env[settings.tokenEnv] : undefined;
    const outbound = getPluginService(strapi, 'outbound');
    const branch = await openBranch({
      url: settings.url,
      branch: settings.branch,
      headers: token
        ? {
            authorization: `Basic ${Buffer.from(`${settings.username}:${token}`).toString('base64')}`,
          }
        : {},
      http: gitHttp(outbound.request, { maxBytes, timeoutMs }),
    });
    try {
      const decided: { file: WantedFile; decision: FileDecision; remote: string | null }[] = [];
      for (const file of files) {
        const remote = await branch.blobAt(file.path);
        const resolution = delivery.resolutions?.[file.path] ?? null;
        decided.push({ file, remote, decision: decideFile({ ...file, remote, resolution }) });
      }
      const conflicts = decided
        .filter(({ decision }) => decision === 'conflict')
        .map(({ file, remote }) => ({
          path: file.path,
          remoteCommit: branch.tip ?? '',
          remoteBlob: remote,
        }));
      if (conflicts.length) return { kind: 'conflict', conflicts };

      const changes = decided.filter(({ decision }) => ['write', 'remove'].includes(decision));
      let commit: string | null = null;
      if (changes.length) {
        try {
          commit = await branch.commitAndPush(
            changes.map(({ file }) => ({ path: file.path, content: file.content })),
            settings.author,
            commitMessage(
              settings,
              changes.map(({ file }) => file.roundup)
            )
          );
        } catch (error) {
          if (branchMoved(error)) return 'moved';
          throw error;
        }
      }
      for (const { file, decision, remote } of decided) {
        const blob = { write: file.wanted, remove: null, adopt: remote, forget: null }[
          decision as 'write' | 'remove' | 'adopt' | 'forget'
        ];
        if (blob !== undefined)
          await targets().remember(target.id, file.path, blob, file.roundupDocumentId);
      }
      return commit ? { kind: 'committed', commit, files: changes.length } : { kind: 'unchanged' };
    } finally {
      await branch.close();
    }
  };

  const failureOf = (error: unknown) => {
    const status = httpStatusOf(error);
    if (status !== undefined)
      return {
        status,
        message: `The repository answered ${status} ${STATUS_CODES[status] ?? ''}`.trim(),
      };
    if (error instanceof OutboundError)
      return {
        status: null,
        message: error.code === 'refused' ? `Refused: ${error.message}` : error.message,
      };
    return { status: null, message: (error as Error).message || String(error) };
  };

  return {
    async attempt(delivery: DeliveryRow, instance: string) {
      const outbox = getPluginService(strapi, 'outbox');
      let target: GitTargetRow;
      try {
        target = await targets().find(Number(delivery.hookId));
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
        await outbox.settle(delivery.id, { state: 'failed', lastError: 'The Git target is gone' });
        return;
      }
      const { claimTtlMs } = getPluginConfig(strapi).webhooks;
      if (!(await targets().lock(target.id, instance, claimTtlMs))) {
        await outbox.settle(delivery.id, { state: 'pending', dueAt: Date.now() + BUSY_DELAY_MS });
        return;
      }
      const attempts = Number(delivery.attempts) + 1;
      try {
        const { tokenEnv } = target.settings;
        if (tokenEnv && !process.env[tokenEnv]) {
          await outbox.settle(delivery.id, {
            attempts,
            state: 'failed',
            lastError: `The environment variable ${tokenEnv} holds no token`,
          });
          return;
        }
        const files = await getPluginService(strapi, 'git-wanted').files(
          target,
          delivery.roundupDocumentIds
        );
        let outcome: Outcome | 'moved' = 'moved';
        for (let tries = 0; tries < MOVED_BRANCH_TRIES && outcome === 'moved'; tries += 1) {
          outcome = await commitOnce(target, delivery, files);
        }
        if (outcome === 'moved') throw new Error('The branch kept moving; trying again later');
        const now = Date.now();
        if (outcome.kind === 'conflict') {
          await outbox.settle(delivery.id, {
            attempts,
            state: 'conflict',
            conflicts: outcome.conflicts,
            lastStatus: null,
            lastError: `Changed in the repository since the plugin wrote it: ${outcome.conflicts
              .map((c) => c.path)
              .join(', ')}`,
          });
          return;
        }
        if (outcome.kind === 'committed')
          await targets().recordCommit(target.id, outcome.commit, now);
        await outbox.settle(delivery.id, {
          attempts,
          state: 'delivered',
          deliveredAt: now,
          lastStatus: 200,
          lastError: null,
          conflicts: null,
          commitId: outcome.kind === 'committed' ? outcome.commit : null,
          responseExcerpt:
            outcome.kind === 'committed'
              ? `Commit ${outcome.commit}: ${outcome.files} file(s)`
              : 'Nothing to commit: the branch holds every file already',
        });
      } catch (error) {
        const { status, message } = failureOf(error);
        const now = Date.now();
        const { retry } = target.settings;
        const common = { attempts, lastStatus: status, lastError: message };
        if (attempts < retry.maxAttempts) {
          const delay = nextAttemptDelay(attempts, retry, Math.random);
          await outbox.settle(delivery.id, { ...common, state: 'pending', dueAt: now + delay });
        } else {
          await outbox.settle(delivery.id, {
            ...common,
            state: 'failed',
            lastError: `Gave up after ${attempts} attempts: ${message}`,
          });
        }
      } finally {
        await targets().unlock(target.id, instance);
      }
    },
  };
};

export type GitPublishService = ReturnType<typeof gitPublish>;
export default gitPublish;
