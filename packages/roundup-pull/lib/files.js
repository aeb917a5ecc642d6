'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

/** @param {Buffer | string} content */
const sha256 = (content) => crypto.createHash('sha256').update(content).digest('hex');

/**
 * What became of a file roundup-pull wrote, by its recorded hash.
 * @param {string} file
 * @param {string} recorded
 * @returns {'intact' | 'edited' | 'missing'}
 */
const fileStatus = (file, recorded) => {
  let content;
  try {
    content = fs.readFileSync(file);
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') return 'missing';
    throw error;
  }
  return sha256(content) === recorded ? 'intact' : 'edited';
};

/** @param {string} file */
const hashOf = (file) => {
  try {
    return sha256(fs.readFileSync(file));
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') return null;
    throw error;
  }
};

/**
 * Writes `content` to `file` at once: into a hidden temporary file in the
 * same directory, flushed to disk, then renamed over `file`. A reader (or a
 * build) sees the old file or the new one, never half of one.
 * @param {string} file
 * @param {Buffer | string} content
 */
const writeAtomically = (file, content) => {
  const dir = path.dirname(file);
  const temp = path.join(
    dir,
    `.${path.basename(file)}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`
  );
  const handle = fs.openSync(temp, 'wx');
  try {
    try {
      fs.writeFileSync(handle, content);
      fs.fsyncSync(handle);
    } finally {
      fs.closeSync(handle);
    }
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
};

module.exports = { fileStatus, hashOf, sha256, writeAtomically };
