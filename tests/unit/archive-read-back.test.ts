import fs from 'node:fs';
import path from 'node:path';
import { parseRoundupMarkdown } from '../../plugins/roundup/server/src/core/import';
import { renderMarkdown } from '../../plugins/roundup/server/src/core/render';
import { DEFAULT_LIQUID_TAGS } from '../../plugins/roundup/server/src/core/render/liquid';
import { variation, type Variation } from '../helpers/archive-variations';
import { readerView } from '../helpers/reader-view';

/**
 * An archive of years of roundups, imported and rendered back, reads the same:
 * every post made from the seven real ones (sections reordered and nested,
 * headings linked and punctuated, section prose, footnotes, URLs of up to 2,048
 * characters, items without a link) shows the same links in the same order and
 * the same text once its Markdown output is built, except where Liquid that is no
 * allowed tag is made inert.
 */
const FIXTURES = path.resolve(
  __dirname,
  '../..',
  process.env.ROUNDUP_FIXTURES_DIR ?? '../shared/fixtures/roundups'
);
const POSTS = 60;
const SEED = 22;

const originals: [string, string][] = fs
  .readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.md') && name !== 'README.md')
  .sort()
  .map((name) => [name, fs.readFileSync(path.join(FIXTURES, name), 'utf8')]);

const corpus: Variation[] = Array.from({ length: POSTS }, (_, index) => {
  const [name, post] = originals[index % originals.length];
  return variation(name, post, index, SEED);
});

/** Liquid the Markdown output makes inert: any tag or output other than the allowed link tags. */
const hasInertLiquid = (post: string): boolean =>
  /\{\{/.test(post) ||
  [...post.matchAll(/\{%-?\s*(\w+)/g)].some(([, tag]) => !DEFAULT_LIQUID_TAGS.includes(tag));

const readsTheSame = ({ post }: Variation) => {
  const fileName = '2026-04-30-archive.md';
  const rendered = renderMarkdown(parseRoundupMarkdown(post, { fileName }).roundup);
  const before = readerView(post);
  const after = readerView(rendered);
  return { before, after, same: JSON.stringify(before) === JSON.stringify(after) };
};

describe(`an archive of ${POSTS} posts made from the real ones, imported and rendered back`, () => {
  it('has the real posts to start from', () => {
    expect(originals.length).toBe(7);
  });

  it('makes posts with every kind of variation', () => {
    const names = corpus.map((v) => v.name).join('\n');
    for (const kind of [
      'reordered',
      '### ',
      '#### ',
      'punctuated heading',
      'linked heading',
      'prose',
      'prose with a footnote',
      '2048-character URL',
      'item without a link',
    ]) {
      expect([kind, names.includes(kind)]).toEqual([kind, true]);
    }
    expect(new Set(corpus.map((v) => v.post)).size).toBe(POSTS);
  });

  it.each(corpus.map((v) => [v.name, v] as const))('%s reads the same', (_name, post) => {
    const { before, after } = readsTheSame(post);
    expect(after.links).toEqual(before.links);
    expect(after.text).toBe(before.text);
  });

  it(`reads the same for ${POSTS} of ${POSTS} posts, Liquid made inert aside`, () => {
    const results = corpus.map((post) => ({ post, ...readsTheSame(post) }));
    const same = results.filter((r) => r.same).length;
    const inert = results.filter((r) => !r.same && hasInertLiquid(r.post.post)).length;
    console.log(
      `${same} of ${POSTS} read the same` + (inert > 0 ? `; ${inert} differ by inert Liquid` : '')
    );
    expect(`${same + inert} of ${POSTS}`).toBe(`${POSTS} of ${POSTS}`);
  });
});
