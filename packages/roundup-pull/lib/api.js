'use strict';
const { version } = require('../package.json');

/** A failure that ends the run: its message names the cause. */
class PullError extends Error {}

/** The run was stopped by a signal. */
class InterruptedError extends PullError {}

const TIMEOUT_MS = 60_000;
/** @type {Record<string, string>} */
const CONTENT_TYPES = {
  markdown: 'text/markdown',
  hugo: 'text/markdown',
  html: 'text/html',
  json: 'application/json',
};
const SLUG = /^[\w~-][\w.~-]*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * @typedef {object} ChangeItem
 * @property {string} documentId
 * @property {'published' | 'removed'} state
 * @property {string} slug
 * @property {string} date
 * @property {string} version
 * @property {string} updatedAt
 */
/** @typedef {{ data: ChangeItem[], meta: { nextCursor: string, hasMore: boolean } }} ChangesPage */
/** @typedef {{ status: 200, body: Buffer, etag: string | undefined } | { status: 304 } | { status: 404 }} Output */

/**
 * Why `value` is not a page of the changes feed, or null. Slugs and dates name
 * files, so they must be plain names: nothing the server says can reach
 * outside the output directory.
 * @param {unknown} value
 * @returns {string | null}
 */
const pageProblem = (value) => {
  const page = /** @type {Record<string, any>} */ (value);
  if (typeof page !== 'object' || page === null || !Array.isArray(page.data))
    return 'no "data" list';
  if (typeof page.meta !== 'object' || page.meta === null) return 'no "meta"';
  if (typeof page.meta.nextCursor !== 'string' || page.meta.nextCursor === '')
    return 'meta.nextCursor is not a cursor';
  if (typeof page.meta.hasMore !== 'boolean') return 'meta.hasMore is not true or false';
  for (const [index, item] of page.data.entries()) {
    const at = `data[${index}]`;
    if (typeof item !== 'object' || item === null) return `${at} is not an object`;
    if (typeof item.documentId !== 'string' || !item.documentId || item.documentId.length > 200)
      return `${at}.documentId is not an id`;
    if (item.state !== 'published' && item.state !== 'removed')
      return `${at}.state is neither "published" nor "removed"`;
    if (typeof item.slug !== 'string' || item.slug.length > 255 || !SLUG.test(item.slug))
      return `${at}.slug is not a plain file name: ${JSON.stringify(item.slug)}`;
    if (typeof item.date !== 'string' || !DATE.test(item.date))
      return `${at}.date is not YYYY-MM-DD: ${JSON.stringify(item.date)}`;
    if (typeof item.version !== 'string' || !item.version) return `${at}.version is not a version`;
  }
  return null;
};

/**
 * Requests to the app's public roundup routes. Every failure becomes a
 * PullError naming the cause: unreachable, refused (401, 403), failed (5xx),
 * or an answer that is not what the routes promise.
 * @param {{ from: string, token: string | undefined, signal: AbortSignal }} options
 */
const createApi = ({ from, token, signal }) => {
  const root = `${from}/api/roundup`;
  let requests = 0;

  /**
   * @param {string} url
   * @param {Record<string, string>} headers
   */
  const send = async (url, headers) => {
    if (signal.aborted) throw new InterruptedError('interrupted');
    requests += 1;
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), TIMEOUT_MS);
    const stop = () => timeout.abort();
    signal.addEventListener('abort', stop);
    try {
      const response = await fetch(url, {
        headers: {
          'User-Agent': `roundup-pull/${version}`,
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        signal: timeout.signal,
      });
      const body = Buffer.from(await response.arrayBuffer());
      return { response, body };
    } catch (error) {
      if (signal.aborted) throw new InterruptedError('interrupted');
      if (timeout.signal.aborted)
        throw new PullError(`no answer from ${url} within ${TIMEOUT_MS / 1000} s`);
      const cause = /** @type {{ cause?: { code?: string, message?: string } }} */ (error).cause;
      throw new PullError(
        `cannot reach ${url}: ${cause?.code ?? cause?.message ?? /** @type {Error} */ (error).message}`
      );
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', stop);
    }
  };

  /**
   * @param {string} url
   * @param {Response} response
   * @param {Buffer} body
   */
  const refused = (url, response, body) => {
    let message = '';
    try {
      message = JSON.parse(body.toString('utf8'))?.error?.message ?? '';
    } catch {
      // Not Strapi's error envelope (a proxy's page): the status says enough.
    }
    const said = message ? ` (${message})` : '';
    const { status } = response;
    if (status === 401)
      return new PullError(
        `${url} answered 401${said}: the token (--token or ROUNDUP_TOKEN) is not valid`
      );
    if (status === 403)
      return new PullError(
        `${url} answered 403${said}: the role of this request (Public without a token) lacks the permission; grant it in Users & Permissions`
      );
    if (status >= 500)
      return new PullError(`${url} answered ${status}${said}: the server failed; try again later`);
    return new PullError(`${url} answered ${status}${said}`);
  };

  return {
    /** How many requests were sent so far. */
    get requests() {
      return requests;
    },

    /**
     * One page of the changes feed after `since` (undefined: from the start).
     * @param {string | undefined} since
     * @returns {Promise<ChangesPage>}
     */
    async changes(since) {
      const url = `${root}/changes${since ? `?since=${encodeURIComponent(since)}` : ''}`;
      const { response, body } = await send(url, { Accept: 'application/json' });
      if (response.status === 404)
        throw new PullError(
          `${url} answered 404: the app has no changes feed (is the roundup plugin installed and up to date, and --from its URL?)`
        );
      if (!response.ok) throw refused(url, response, body);
      let page;
      try {
        page = JSON.parse(body.toString('utf8'));
      } catch {
        throw new PullError(`malformed answer from ${url}: not JSON`);
      }
      const problem = pageProblem(page);
      if (problem) throw new PullError(`malformed answer from ${url}: ${problem}`);
      return /** @type {ChangesPage} */ (page);
    },

    /**
     * The roundup `slug` as `rendered` (null: its JSON); with `etag`, 304 when it still matches.
     * @param {string} slug
     * @param {string | null} rendered
     * @param {string | undefined} etag
     * @returns {Promise<Output>}
     */
    async output(slug, rendered, etag) {
      const path = `${root}/roundups/${encodeURIComponent(slug)}`;
      const url = rendered ? `${path}/rendered?format=${rendered}` : path;
      const { response, body } = await send(url, etag ? { 'If-None-Match': etag } : {});
      if (response.status === 304) return { status: 304 };
      // Renamed or unpublished since the feed was read: a later change says so.
      if (response.status === 404) return { status: 404 };
      if (!response.ok) throw refused(url, response, body);
      const type = (response.headers.get('content-type') ?? '').split(';')[0].trim();
      const expected = CONTENT_TYPES[rendered ?? 'json'];
      if (type !== expected)
        throw new PullError(
          `malformed answer from ${url}: ${type || 'no content type'}, not ${expected}`
        );
      return { status: 200, body, etag: response.headers.get('etag') ?? undefined };
    },
  };
};

module.exports = { createApi, InterruptedError, PullError };
