'use strict';
const { parseArgs } = require('node:util');

/** How each `--format` names its files and which rendering it fetches (`null`: the JSON route). */
const FORMATS = {
  jekyll: {
    rendered: 'markdown',
    file: (/** @type {Named} */ item) => `${item.date}-${item.slug}.md`,
  },
  hugo: { rendered: 'hugo', file: (/** @type {Named} */ item) => `${item.slug}.md` },
  markdown: { rendered: 'markdown', file: (/** @type {Named} */ item) => `${item.slug}.md` },
  html: { rendered: 'html', file: (/** @type {Named} */ item) => `${item.slug}.html` },
  json: { rendered: null, file: (/** @type {Named} */ item) => `${item.slug}.json` },
};

/** @typedef {{ slug: string, date: string }} Named */
/** @typedef {keyof typeof FORMATS} FormatName */
/**
 * @typedef {object} Options
 * @property {string} from the Strapi app's URL, without a trailing slash
 * @property {string | undefined} token
 * @property {string} out
 * @property {FormatName} format
 * @property {boolean} dryRun
 * @property {boolean} quiet
 * @property {boolean} json
 */

const USAGE = `Usage: roundup-pull --from <url> --out <dir> [options]

Pulls the published roundups of a Strapi app with the roundup plugin into a
static site's source: new and changed ones are written, unpublished ones
removed (only files roundup-pull wrote and nobody edited since).

  --from <url>        the Strapi app, e.g. https://cms.example.com
  --out <dir>         where the files go, e.g. _posts or content/posts
  --format <format>   jekyll (default): YYYY-MM-DD-slug.md; hugo: slug.md for Hugo;
                      markdown: slug.md; html: slug.html; json: slug.json
  --token <token>     an API token, for apps whose reads need one (or ROUNDUP_TOKEN)
  --dry-run           say what would change, change nothing
  --quiet             print warnings and errors only
  --json              print what was done as JSON, for scripts
  --help, --version
`;

class UsageError extends Error {}

/**
 * The options of one run, from the command line and the environment.
 * @param {string[]} argv
 * @param {Record<string, string | undefined>} env
 * @returns {Options | { help: true } | { version: true }}
 */
const parseOptions = (argv, env) => {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        from: { type: 'string' },
        token: { type: 'string' },
        out: { type: 'string' },
        format: { type: 'string', default: 'jekyll' },
        'dry-run': { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
        version: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(/** @type {Error} */ (error).message);
  }
  if (values.help) return { help: true };
  if (values.version) return { version: true };
  if (!values.from) throw new UsageError('--from is required: the URL of the Strapi app');
  let url;
  try {
    url = new URL(values.from);
  } catch {
    throw new UsageError(`--from must be an http(s) URL, not "${values.from}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`--from must be an http(s) URL, not "${values.from}"`);
  if (url.search || url.hash) throw new UsageError('--from must not have a query or fragment');
  if (!values.out) throw new UsageError('--out is required: the directory the files go to');
  const format = /** @type {string} */ (values.format);
  if (!(format in FORMATS))
    throw new UsageError(
      `--format must be one of ${Object.keys(FORMATS).join(', ')}, not "${format}"`
    );
  const token = values.token ?? env.ROUNDUP_TOKEN;
  if (token !== undefined && (token === '' || /\s/.test(token)))
    throw new UsageError('--token (or ROUNDUP_TOKEN) must be a token without spaces');
  let end = url.href.length;
  while (url.href[end - 1] === '/') end -= 1;
  return {
    from: url.href.slice(0, end),
    token,
    out: values.out,
    format: /** @type {FormatName} */ (format),
    dryRun: Boolean(values['dry-run']),
    quiet: Boolean(values.quiet),
    json: Boolean(values.json),
  };
};

module.exports = { FORMATS, USAGE, UsageError, parseOptions };
