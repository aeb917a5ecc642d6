'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { createApi, InterruptedError, PullError } = require('./api');
const { fileStatus, hashOf, sha256, writeAtomically } = require('./files');
const { FORMATS } = require('./options');
const { readState, writeState } = require('./state');

/** Outputs fetched at once. */
const CONCURRENCY = 6;
/** Pages of the changes feed one run reads at most: a server that never says "no more" is broken. */
const MAX_PAGES = 100_000;

/**
 * @typedef {object} Report
 * @property {string[]} added files written for roundups that had none here
 * @property {string[]} updated files rewritten with a roundup's new output
 * @property {string[]} removed files of unpublished or deleted roundups (or old names)
 * @property {{ file: string, reason: string }[]} kept files left alone, with why
 * @property {number} unchanged roundups listed whose file needed nothing
 * @property {number} requests
 * @property {boolean} dryRun
 */

/**
 * One run: reads the changes since the last run's cursor, writes the outputs
 * of published roundups that changed (asking with the stored ETag, so an
 * unchanged output costs a 304), then removes the files of roundups that
 * left the site, and keeps the new cursor. Only files it wrote, unchanged
 * since, are ever overwritten or removed. Any failure ends the run before
 * anything is removed and without moving the cursor, so the next run does
 * the rest.
 * @param {import('./options').Options} options
 * @param {{ signal: AbortSignal, warn: (message: string) => void }} io
 * @returns {Promise<Report>}
 */
const pull = async (options, { signal, warn }) => {
  const format = FORMATS[options.format];
  const out = options.out;
  const state = readState(out, options);
  const api = createApi({ from: options.from, token: options.token, signal });
  /** @type {Report} */
  const report = {
    added: [],
    updated: [],
    removed: [],
    kept: [],
    unchanged: 0,
    requests: 0,
    dryRun: options.dryRun,
  };
  const shown = (/** @type {string} */ file) => path.join(out, file);
  const keep = (/** @type {string} */ file, /** @type {string} */ reason) => {
    report.kept.push({ file: shown(file), reason });
    warn(`kept ${shown(file)}: ${reason}`);
  };
  let changed = false;

  // 1. Every change since the cursor; a roundup listed twice counts once, as its latest.
  /** @type {Map<string, import('./api').ChangeItem>} */
  const latest = new Map();
  let cursor = state.cursor ?? undefined;
  for (let pages = 0; ; pages += 1) {
    if (pages === MAX_PAGES) throw new PullError('the changes feed did not end');
    const page = await api.changes(cursor);
    for (const item of page.data) {
      latest.delete(item.documentId);
      latest.set(item.documentId, item);
    }
    if (page.meta.hasMore && page.meta.nextCursor === cursor)
      throw new PullError(
        'malformed answer: the changes feed says there is more but gives the same cursor'
      );
    cursor = page.meta.nextCursor;
    if (!page.meta.hasMore) break;
  }

  /** Who wrote `file`, if roundup-pull did: a roundup's documentId, or the index of a retired file. */
  const ownerOf = (/** @type {string} */ file) => {
    for (const [documentId, pulled] of Object.entries(state.roundups))
      if (pulled.file === file) return { documentId, sha256: pulled.sha256 };
    const index = state.retired.findIndex((owned) => owned.file === file);
    return index >= 0 ? { retired: index, sha256: state.retired[index].sha256 } : null;
  };

  // 2. Roundups that left the site: their files are retired, removed in step 4.
  for (const item of latest.values()) {
    if (item.state !== 'removed') continue;
    const pulled = state.roundups[item.documentId];
    if (!pulled) continue;
    delete state.roundups[item.documentId];
    state.retired.push({ file: pulled.file, sha256: pulled.sha256 });
    changed = true;
  }

  /**
   * Puts `content` in `file` for `documentId` unless the file there is not
   * one roundup-pull wrote, or was edited since. Returns whether it is there.
   * @param {string} documentId
   * @param {string} file
   * @param {Buffer} content
   */
  const place = (documentId, file, content) => {
    const target = path.join(out, file);
    const there = hashOf(target);
    const hash = sha256(content);
    const owner = ownerOf(file);
    if (there !== null && there !== hash) {
      if (!owner) {
        keep(file, 'it was not written by roundup-pull; not overwritten');
        return false;
      }
      if (there !== owner.sha256) {
        keep(file, 'edited since roundup-pull wrote it; not overwritten');
        return false;
      }
    }
    // The file was another roundup's (a slug passed on) or retired: it is this roundup's now.
    if (owner && 'retired' in owner) state.retired.splice(owner.retired ?? 0, 1);
    else if (owner && owner.documentId !== documentId) delete state.roundups[owner.documentId];
    if (there !== hash && !options.dryRun) writeAtomically(target, content);
    return true;
  };

  /** @param {import('./api').ChangeItem} item */
  const update = async (item) => {
    const file = format.file(item);
    const pulled = state.roundups[item.documentId];
    const before = pulled ? fileStatus(path.join(out, pulled.file), pulled.sha256) : 'missing';
    if (pulled && pulled.version === item.version && pulled.file === file && before === 'intact') {
      report.unchanged += 1;
      return;
    }
    // A 304 reuses the file already here, so only an intact one may be asked about.
    const etag = pulled && before === 'intact' ? pulled.etag : undefined;
    const answer = await api.output(item.slug, format.rendered, etag);
    if (signal.aborted) throw new InterruptedError('interrupted');
    if (answer.status === 404) return;
    const content =
      answer.status === 304
        ? fs.readFileSync(path.join(out, /** @type {import('./state').Pulled} */ (pulled).file))
        : answer.body;
    const hash = sha256(content);
    if (pulled && before === 'edited' && pulled.file === file) {
      keep(file, 'edited since roundup-pull wrote it; not overwritten');
      state.roundups[item.documentId] = { ...pulled, version: item.version };
      changed = true;
      return;
    }
    const unchanged =
      pulled && pulled.file === file && before === 'intact' && pulled.sha256 === hash;
    if (!unchanged && !place(item.documentId, file, content)) {
      if (pulled) state.roundups[item.documentId] = { ...pulled, version: item.version };
      changed = true;
      return;
    }
    if (unchanged) report.unchanged += 1;
    else if (pulled && pulled.file === file && before !== 'missing')
      report.updated.push(shown(file));
    else report.added.push(shown(file));
    if (pulled && pulled.file !== file)
      state.retired.push({ file: pulled.file, sha256: pulled.sha256 });
    const etagNow = answer.status === 200 ? answer.etag : pulled?.etag;
    state.roundups[item.documentId] = {
      file,
      sha256: hash,
      ...(etagNow ? { etag: etagNow } : {}),
      version: item.version,
    };
    changed = true;
  };

  const save = () => {
    if (options.dryRun || !changed) return;
    fs.mkdirSync(out, { recursive: true });
    writeState(out, state);
  };

  try {
    // 3. The outputs of published roundups, a few at a time; the first failure stops the rest.
    if (!options.dryRun) fs.mkdirSync(out, { recursive: true });
    const queue = [...latest.values()].filter((item) => item.state === 'published');
    /** @type {unknown} */
    let failure;
    const worker = async () => {
      while (queue.length > 0 && failure === undefined) {
        const item = /** @type {import('./api').ChangeItem} */ (queue.shift());
        try {
          await update(item);
        } catch (error) {
          failure ??= error;
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    if (failure !== undefined) throw failure;

    // 4. Everything fetched: the files of roundups that left the site go.
    // A signal from here on waits for the end: the removals are quick and local.
    for (const owned of [...state.retired]) {
      const status = fileStatus(path.join(out, owned.file), owned.sha256);
      if (status === 'intact') {
        if (!options.dryRun) fs.rmSync(path.join(out, owned.file));
        report.removed.push(shown(owned.file));
      } else if (status === 'edited') {
        keep(
          owned.file,
          'edited since roundup-pull wrote it; its roundup left the site, the file stays'
        );
      }
      state.retired.splice(state.retired.indexOf(owned), 1);
      changed = true;
    }
    if (state.cursor !== (cursor ?? null)) {
      state.cursor = cursor ?? null;
      changed = true;
    }
  } finally {
    save();
    report.requests = api.requests;
  }
  return report;
};

module.exports = { pull, PullError, InterruptedError };
