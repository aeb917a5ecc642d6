import { canonicalUrl } from '../../plugins/roundup/server/src/core/canonical-url';
import { isoDateProblem } from '../../plugins/roundup/server/src/core/date';
import { firstLine, urlHost } from '../../plugins/roundup/server/src/core/editor';
import { renderFeed } from '../../plugins/roundup/server/src/core/feed';
import { frontMatterProblem } from '../../plugins/roundup/server/src/core/front-matter';
import { parseRoundupMarkdown } from '../../plugins/roundup/server/src/core/import';
import { fieldLengthProblems, MARKDOWN_LENGTH } from '../../plugins/roundup/server/src/core/limits';
import type { Roundup } from '../../plugins/roundup/server/src/core/model';
import {
  markdownText,
  markdownToHtml,
  renderHtml,
  renderMarkdown,
  safeHref,
  sanitizeHtml,
} from '../../plugins/roundup/server/src/core/render';
import { slugFromText, slugProblem } from '../../plugins/roundup/server/src/core/slug';
import { httpUrlProblem } from '../../plugins/roundup/server/src/core/url';
import { buildHookSchema } from '../../plugins/roundup/server/src/core/webhooks/hook-schema';
import { expectLinear, HOSTILE_PATTERNS, MIB, repeatTo } from '../helpers/linear-time';

// Render reads stored values only, each within its field's limit (core/limits.ts): large input is many fields.
const fieldsOf = (text: string): string[] =>
  Array.from({ length: Math.ceil(text.length / MARKDOWN_LENGTH) }, (_, n) =>
    text.slice(n * MARKDOWN_LENGTH, (n + 1) * MARKDOWN_LENGTH)
  );

/** A roundup of `text` as stored: its field-sized parts are the excerpt, intro, outro, then one link's commentary each. */
const roundupOf = (text: string): Roundup => {
  const [excerpt = null, intro = null, outro = null, ...commentary] = fieldsOf(text);
  return {
    title: 'Hostile',
    slug: 'hostile',
    date: '2026-07-31',
    excerpt,
    intro,
    outro,
    layout: 'post',
    frontMatter: null,
    sections: [
      {
        category: { name: 'Articles', slug: 'articles' },
        entries: (commentary.length > 0 ? commentary : [null]).map((description, n) => ({
          title: `Link ${n}`,
          url: `https://a.test/${n}`,
          author: 'Ann',
          description,
        })),
      },
    ],
  };
};

const post = (body: string) => `---\nlayout: post\ntitle: Hostile\ndate: 2026-07-31\n---\n${body}`;

const FIELD = 256 * 1024;

/** Every pure function that reads what an editor, a client or a post sends, and how big its input gets. */
const PATHS: [name: string, work: (input: string) => unknown, maxBytes: number][] = [
  ['editor card: firstLine', (input) => firstLine(input), MIB],
  ['editor card: urlHost', (input) => urlHost(`https://a.test/${input}`), FIELD],
  [
    'duplicates: canonicalUrl',
    (input) => canonicalUrl(`https://a.test/${input}?${input}`),
    64 * 1024,
  ],
  ['URL rule: httpUrlProblem', (input) => httpUrlProblem(`https://a.test/${input}`), FIELD],
  ['date rule: isoDateProblem', (input) => isoDateProblem(input), FIELD],
  ['slug: slugFromText', (input) => slugFromText(input, 'roundup'), FIELD],
  ['slug: slugProblem', (input) => slugProblem(input), FIELD],
  ['front matter: frontMatterProblem', (input) => frontMatterProblem({ [input]: input }), FIELD],
  [
    'limits: fieldLengthProblems',
    (input) => fieldLengthProblems('roundup', { intro: input, frontMatter: { a: input } }),
    MIB,
  ],
  [
    'webhooks: buildHookSchema',
    (input) =>
      buildHookSchema.safeParse({
        name: input,
        url: `https://a.test/${input}`,
        events: [input],
        headers: { 'X-Note': input },
      }),
    FIELD,
  ],
  [
    'import: commentary',
    (input) =>
      parseRoundupMarkdown(post(`## Articles\n\n* [A](https://a.test/) by Ann<br/>\n${input}\n`)),
    MIB,
  ],
  [
    'import: after an entry',
    (input) => parseRoundupMarkdown(post(`## Articles\n\n* [A](https://a.test/)\n\n${input}`)),
    MIB,
  ],
  ['render: markdownToHtml', (input) => fieldsOf(input).map((field) => markdownToHtml(field)), MIB],
  ['render: markdownText', (input) => markdownText(input), MIB],
  ['render: sanitizeHtml', (input) => sanitizeHtml(input), MIB],
  ['render: safeHref', (input) => safeHref(input), FIELD],
  ['render: Markdown roundup', (input) => renderMarkdown(roundupOf(input)), MIB],
  ['render: HTML roundup', (input) => renderHtml(roundupOf(input)), MIB],
  [
    'feeds: RSS, Atom and JSON',
    (input) =>
      (['rss', 'atom', 'json'] as const).map((format) =>
        renderFeed(format, {
          site: {
            title: 'Site',
            url: 'https://example.com',
            feedUrl: 'https://example.com/feed.xml',
          },
          permalink: '/:year/:slug/',
          items: [
            {
              title: input.slice(0, 255),
              slug: 'hostile',
              date: '2026-07-31',
              excerpt: input,
              publishedAt: '2026-07-31T00:00:00.000Z',
              updatedAt: '2026-07-31T00:00:00.000Z',
              contentHtml: input,
            },
          ],
        })
      ),
    MIB,
  ],
];

describe.each(PATHS)('%s takes linear time', (_name, work, maxBytes) => {
  it.each(HOSTILE_PATTERNS)('on a run of %j', async (_pattern, unit) => {
    await expectLinear(work, (bytes) => repeatTo(unit, bytes), { maxBytes });
  });
});
