'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { PullError } = require('./api');
const { writeAtomically } = require('./files');

const STATE_FILE = '.roundup-pull.json';
const STATE_VERSION = 1;

/**
 * @typedef {object} Owned a file roundup-pull wrote, as it wrote it
 * @property {string} file relative to the output directory
 * @property {string} sha256
 */
/**
 * @typedef {Owned & { etag?: string, version: string }} Pulled the file of a published roundup
 */
/**
 * @typedef {object} State
 * @property {number} stateVersion
 * @property {string} from
 * @property {string} format
 * @property {string | null} cursor where the next run's changes start (null: the first run)
 * @property {Record<string, Pulled>} roundups by documentId
 * @property {Owned[]} retired files of roundups that left the site, to remove once a run succeeds
 */

/**
 * The state kept in `out`, or a new one. A state made for another app or
 * format stops the run: its cursor and files would not fit.
 * @param {string} out
 * @param {{ from: string, format: string }} run
 * @returns {State}
 */
const readState = (out, { from, format }) => {
  const file = path.join(out, STATE_FILE);
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'ENOENT') throw error;
    return { stateVersion: STATE_VERSION, from, format, cursor: null, roundups: {}, retired: [] };
  }
  /** @type {State} */
  let state;
  try {
    state = JSON.parse(text);
  } catch {
    throw new PullError(
      `${file} is not JSON: restore it from version control, or remove it to start over`
    );
  }
  if (
    typeof state !== 'object' ||
    state === null ||
    state.stateVersion !== STATE_VERSION ||
    typeof state.roundups !== 'object' ||
    !Array.isArray(state.retired)
  )
    throw new PullError(`${file} is not a state file of this version of roundup-pull`);
  if (state.format !== format)
    throw new PullError(
      `${file} belongs to --format ${state.format}: pull --format ${format} into another --out`
    );
  if (state.from !== from)
    throw new PullError(
      `${file} belongs to --from ${state.from}: pull another app into another --out (or remove the state file to start over; files already there are then left alone)`
    );
  return state;
};

/**
 * @param {string} out
 * @param {State} state
 */
const writeState = (out, state) => {
  writeAtomically(path.join(out, STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
};

module.exports = { readState, STATE_FILE, writeState };
