/** An editor's answer to a conflict, for the remote version it was given on. */
export interface Resolution {
  choice: 'overwrite' | 'skip';
  /** The blob the file held in the repository when the editor chose; null when it was deleted there. */
  remoteBlob: string | null;
}

/** What is known of one file a target may write: blob ids, null where there is no file. */
export interface FileState {
  /** The blob the plugin last wrote there (null: the plugin never wrote this file). */
  known: string | null;
  /** The blob the branch holds there now. */
  remote: string | null;
  /** The blob the plugin wants there now (null: the file should go). */
  wanted: string | null;
  resolution?: Resolution | null;
}

/**
 * What to do with one file:
 * `write` and `remove` change the repository; `adopt` records that the branch
 * already holds what is wanted; `forget` drops the record of a file that is no
 * longer ours; `keep` leaves everything as it is; `skip` leaves the branch's
 * version on an editor's word; `conflict` waits for an editor.
 */
export type FileDecision = 'write' | 'remove' | 'adopt' | 'forget' | 'keep' | 'skip' | 'conflict';

/**
 * Never overwrite what someone else wrote: the plugin changes a file only when
 * the branch still holds what the plugin last wrote there (or nothing, for a
 * file it never wrote), unless an editor chose to overwrite that very version.
 */
export const decideFile = ({ known, remote, wanted, resolution }: FileState): FileDecision => {
  const chosen = resolution && resolution.remoteBlob === remote ? resolution.choice : null;
  if (wanted !== null) {
    if (remote === wanted) return known === wanted ? 'keep' : 'adopt';
    if (remote === known) return 'write';
    if (chosen === 'overwrite') return 'write';
    if (chosen === 'skip') return 'skip';
    return 'conflict';
  }
  if (known === null) return 'keep';
  if (remote === null) return 'forget';
  if (remote === known || chosen === 'overwrite') return 'remove';
  if (chosen === 'skip') return 'forget';
  return 'conflict';
};
