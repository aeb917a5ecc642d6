import fs from 'node:fs';
import path from 'node:path';
import { parseFragment } from 'parse5';
import { parseRoundupMarkdown } from '../../plugins/roundup/server/src/core/import';
import { renderHugo, renderMarkdown } from '../../plugins/roundup/server/src/core/render';
import { attribute, elementsIn, textOf } from '../helpers/jekyll-build';
import { NESTED_SECTIONS_HEADINGS, NESTED_SECTIONS_POST } from '../helpers/nested-sections-post';
import { buildHugo, buildJekyll, hugoSite, jekyllSite, tempDir } from '../helpers/static-site';

/**
 * A post three levels deep, with a linked heading, section prose and a list item without a
 * link, imported and written out as Markdown and as a Hugo page, then built by real Jekyll and
 * Hugo: the reader's page has the same nested headings, the heading's link, and the link-less
 * item as an item of the list, after its link.
 */
const POST_FILE = NESTED_SECTIONS_POST;
const POST = fs.readFileSync(POST_FILE, 'utf8');
const { roundup } = parseRoundupMarkdown(POST, { fileName: path.basename(POST_FILE) });
const HUGO_OPTIONS = {
  rawHtml: 'sanitize' as const,
  liquidTags: ['post_url', 'link'],
  site: null,
  otherSection: 'Other',
};

let root: string;
beforeAll(() => {
  root = tempDir('nested-sites');
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** The `<main>` of a built page, as elements. */
const mainOf = (file: string) => {
  const html = fs.readFileSync(file, 'utf8').split('<main>')[1].split('</main>')[0];
  return elementsIn(parseFragment(html) as never);
};

const expectReadsAsThePost = (elements: ReturnType<typeof mainOf>) => {
  const headings = elements
    .filter((e) => /^h[2-6]$/.test(e.tagName))
    .map((e) => `${e.tagName} ${textOf(e).trim()}`);
  expect(headings).toEqual(NESTED_SECTIONS_HEADINGS);
  const proposals = elements.find((e) => e.tagName === 'h3' && /Approved/.test(textOf(e)));
  const headingLink = elementsIn(proposals!).find((e) => e.tagName === 'a');
  expect(attribute(headingLink!, 'href')).toBe(
    'https://lang.example.org/proposals?state=approved&since=2026-04-23'
  );
  // The link-less item is an item of the list, right after the item of the link it follows.
  const items = elements.filter((e) => e.tagName === 'li').map((e) => textOf(e).trim());
  const talk = items.findIndex((text) => text.startsWith('A talk about trees'));
  expect(talk).toBeGreaterThanOrEqual(0);
  expect(items[talk + 1]).toMatch(/^No recording/);
  expect(items[talk]).not.toMatch(/No recording/);
  // Every link of the post, the 1,500-character URL among them, reaches the page.
  const hrefs = elements.filter((e) => e.tagName === 'a').map((e) => attribute(e, 'href'));
  expect(hrefs.map((href) => href?.length)).toContain(1500);
};

it('builds with Jekyll into the nested headings, the linked heading and the list as written', async () => {
  const site = jekyllSite(path.join(root, 'jekyll'));
  fs.writeFileSync(path.join(site, '_posts', path.basename(POST_FILE)), renderMarkdown(roundup));
  await buildJekyll(site);
  const [page] = fs
    .readdirSync(path.join(site, '_site'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('index.html'));
  expectReadsAsThePost(mainOf(path.join(site, '_site', page)));
});

it('builds with Hugo into the same page', async () => {
  const site = hugoSite(path.join(root, 'hugo'));
  fs.writeFileSync(
    path.join(site, 'content', 'posts', `${roundup.slug}.md`),
    renderHugo(roundup, HUGO_OPTIONS)
  );
  await buildHugo(site);
  expectReadsAsThePost(mainOf(path.join(site, 'public', 'posts', roundup.slug, 'index.html')));
});
