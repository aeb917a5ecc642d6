import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import git, { type HttpClient } from 'isomorphic-git';

/** Where a target's branch is read and written: a repository, its address and credentials. */
export interface Remote {
  url: string;
  branch: string;
  headers: Record<string, string>;
  http: HttpClient;
}

/** One file to change: its new content, or null to remove it. */
export interface FileChange {
  path: string;
  content: Buffer | null;
}

const isCode = (error: unknown, code: string) => (error as { code?: string })?.code === code;

/** The blob id Git gives `content`. */
export const blobId = async (content: Buffer): Promise<string> =>
  (await git.hashBlob({ object: content })).oid;

/**
 * A checkout of the target's branch in a temporary folder, as deep as its
 * last commit: what the branch holds now, and a commit on top of it pushed
 * without force. `close` removes the folder.
 */
export const openBranch = async (remote: Remote) => {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'roundup-git-'));
  const common = { fs, http: remote.http, dir, headers: remote.headers };
  let tip: string | null = null;
  try {
    await git.clone({
      ...common,
      url: remote.url,
      ref: remote.branch,
      singleBranch: true,
      depth: 1,
    });
    tip = await git.resolveRef({ fs, dir, ref: 'HEAD' });
  } catch (error) {
    // An empty repository, or one without the branch yet: the first commit starts it.
    if (!isCode(error, 'NotFoundError')) {
      await fs.promises.rm(dir, { recursive: true, force: true });
      throw error;
    }
    await git.init({ fs, dir, defaultBranch: remote.branch });
    await git.addRemote({ fs, dir, remote: 'origin', url: remote.url, force: true });
  }

  return {
    /** The commit the branch pointed at when it was fetched (null: no branch yet). */
    tip,

    /** The blob at `file` in the fetched commit, or null when it holds no such file. */
    async blobAt(file: string): Promise<string | null> {
      if (!tip) return null;
      try {
        return (await git.readBlob({ fs, dir, oid: tip, filepath: file })).oid;
      } catch (error) {
        if (isCode(error, 'NotFoundError')) return null;
        throw error;
      }
    },

    /** Commits `changes` on top of the fetched commit and pushes it; the new commit's id. */
    async commitAndPush(
      changes: FileChange[],
      author: { name: string; email: string },
      message: string
    ): Promise<string> {
      for (const change of changes) {
        const full = path.join(dir, ...change.path.split('/'));
        if (change.content) {
          await fs.promises.mkdir(path.dirname(full), { recursive: true });
          await fs.promises.writeFile(full, change.content);
          await git.add({ fs, dir, filepath: change.path });
        } else {
          await fs.promises.rm(full, { force: true });
          await git.remove({ fs, dir, filepath: change.path });
        }
      }
      const commit = await git.commit({ fs, dir, author, committer: author, message });
      const result = await git.push({
        ...common,
        remote: 'origin',
        ref: remote.branch,
        remoteRef: `refs/heads/${remote.branch}`,
      });
      if (!result.ok) throw new Error(result.error ?? 'The repository refused the push');
      return commit;
    },

    close: () => fs.promises.rm(dir, { recursive: true, force: true }),
  };
};

export type Branch = Awaited<ReturnType<typeof openBranch>>;

/** Whether a push failed because the branch moved meanwhile (then fetch again and commit on top). */
export const branchMoved = (error: unknown) =>
  isCode(error, 'PushRejectedError') ||
  (isCode(error, 'GitPushError') && /fast-forward|fetch first|stale/i.test(String(error)));

/** The HTTP status a Git request failed with, if it got one. */
export const httpStatusOf = (error: unknown): number | undefined =>
  isCode(error, 'HttpError')
    ? (error as { data?: { statusCode?: number } }).data?.statusCode
    : undefined;
