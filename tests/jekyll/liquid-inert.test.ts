import fs from 'node:fs';
import path from 'node:path';
import { parseRoundupMarkdown } from '../../plugins/roundup/server/src/core/import';
import type { Roundup } from '../../plugins/roundup/server/src/core/model';
import {
  createRenderer,
  DEFAULT_LIQUID_TAGS,
  indent,
  markdownField,
  renderMarkdown,
  safeMarkdown,
} from '../../plugins/roundup/server/src/core/render';
import {
  attribute,
  buildJekyllSite,
  elementsIn,
  textOf,
  textOfHtml,
  type JekyllSite,
} from '../helpers/jekyll-build';
import { entry } from '../helpers/model';
import {
  INCLUDED,
  LIQUID_SPLITS,
  LIQUID_VECTORS,
  oneLine,
  SITE_TITLE,
} from '../helpers/liquid-vectors';

/**
 * The Markdown export of roundups holding Liquid in every field, built by real Jekyll:
 * the build succeeds, the page shows each value as the editor typed it, and nothing ran.
 */

const VECTORS = LIQUID_VECTORS.map((vector) => vector.text);
const WOULD_SHOW = LIQUID_VECTORS.flatMap((vector) => vector.wouldShow);

/** A Markdown field holding `text` as prose, as a code span, as fenced code and as link text. */
const markdownOf = (text: string) =>
  [text, '', `\`${text}\``, '', '```', text, '```', '', `[${text}](https://e.example/link)`].join(
    '\n'
  );

const urlOf = (n: number, text: string) => `https://e.example/${n}/${text}`;

const vectorsRoundup: Roundup = {
  title: `Vectors ${oneLine(VECTORS.join(' '))}`,
  slug: 'vectors',
  date: '2020-07-31',
  excerpt: markdownOf(VECTORS.join(' ')),
  intro: VECTORS.map(markdownOf).join('\n\n'),
  outro: VECTORS.map(markdownOf).join('\n\n'),
  layout: 'post',
  frontMatter: { note: VECTORS.join(' ') },
  sections: LIQUID_VECTORS.map(({ text }, n) => ({
    category: { name: `S${n} ${text}`, slug: `s${n}` },
    entries: [
      entry(text, urlOf(n, text), text, markdownOf(text)),
      // No space in the URL: written without angle brackets.
      entry(`bare ${n}`, urlOf(n, text.replace(/\s/g, '')), null, null),
    ],
  })),
};

const blockFields = (roundup: Roundup): { text: string; indented: boolean }[] =>
  [
    { text: roundup.excerpt, indented: false },
    { text: roundup.intro, indented: false },
    ...roundup.sections.flatMap((section) =>
      section.entries.map((link) => ({ text: link.description, indented: true }))
    ),
    { text: roundup.outro, indented: false },
  ].flatMap(({ text, indented }) => (text ? [{ text, indented }] : []));

/**
 * The same post with the editors' text as they typed it and Liquid off
 * (`render_with_liquid: false`): what the site shows of the text when nothing runs.
 */
const withoutLiquid = (roundup: Roundup): string => {
  const options = { rawHtml: 'sanitize' as const, liquidTags: DEFAULT_LIQUID_TAGS };
  let cursor = 0;
  let markdown = renderMarkdown(roundup).replace('\n---\n', '\nrender_with_liquid: false\n---\n');
  for (const { text, indented } of blockFields(roundup)) {
    // The raw HTML allowlist changes nothing in these fields: the text is the editor's.
    expect(safeMarkdown(text).text).toBe(text);
    const form = (field: string) => (indented ? indent(field) : field);
    const inert = form(markdownField(text, options).text);
    const at = markdown.indexOf(inert, cursor);
    expect(at).toBeGreaterThanOrEqual(0);
    markdown = markdown.slice(0, at) + form(text) + markdown.slice(at + inert.length);
    cursor = at + form(text).length;
  }
  return markdown;
};

/** Values next to each other with nothing between: a custom template may write them so. */
const ADJACENT_TEMPLATE = `---
{{ roundup | yaml_front_matter }}---

{{ roundup.intro }}{{ roundup.outro }}
{% for section in roundup.sections %}
{{ section.name | md_text }}{% for entry in section.entries %}{{ entry.title | md_text }}{{ entry.author | md_text }}{{ entry.description }}{% endfor %}
{% endfor %}`;

const splitsRoundup: Roundup = {
  title: 'Splits',
  slug: 'splits',
  date: '2020-07-29',
  excerpt: null,
  intro: LIQUID_SPLITS[0][0],
  outro: LIQUID_SPLITS[0][1],
  layout: 'post',
  frontMatter: null,
  sections: LIQUID_SPLITS.map(([first, second], n) => ({
    category: { name: first, slug: `s${n}` },
    entries: [
      entry(second, 'https://e.example/', first, second),
      entry(first, 'https://e.example/', second, first),
    ],
  })),
};

const linkTagsRoundup: Roundup = {
  title: 'Link tags {% post_url 2020-07-29-splits %}',
  slug: 'link-tags',
  date: '2020-07-28',
  excerpt: 'See [the splits]({% post_url 2020-07-29-splits %}).',
  intro: 'About [us]({% link about.md %}), [them]({%- link about.md -%}).',
  outro: null,
  layout: 'post',
  frontMatter: null,
  sections: [
    {
      category: { name: '{% link about.md %}', slug: 'links' },
      entries: [
        entry(
          '{% post_url 2020-07-29-splits %}',
          'https://e.example/',
          '{% link about.md %}',
          'Older: [splits]({% post_url 2020-07-29-splits %}), `{% raw %}` and {% link about.md %}.'
        ),
      ],
    },
  ],
};

const INTERRUPT = path.resolve(__dirname, '../fixtures/interrupt');
const interruptPosts = fs
  .readdirSync(INTERRUPT)
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => {
    const parsed = parseRoundupMarkdown(fs.readFileSync(path.join(INTERRUPT, name), 'utf8'), {
      fileName: name,
    });
    return { name, markdown: renderMarkdown(parsed.roundup) };
  });

const stubPost = (title: string) => `---\ntitle: ${title}\n---\n${title}.\n`;

// Straight quotes: kramdown's typographic quotes would change the text whatever Liquid does.
const CONFIG = `title: ${SITE_TITLE}
markdown: kramdown
kramdown:
  smart_quotes: ["apos", "apos", "quot", "quot"]
excerpt_separator: "<!-- excerpt end -->"
`;

const LAYOUT = `<!doctype html>
<html><head><title>{{ page.title }}</title></head>
<body>
<h1 id="title">{{ page.title }}</h1>
<div id="note">{{ page.note | markdownify }}</div>
<div id="excerpt">{{ page.excerpt | markdownify }}</div>
<main id="content">{{ content }}</main>
</body></html>
`;

describe('the Markdown export built by real Jekyll', () => {
  let site: JekyllSite;
  const exported = renderMarkdown(vectorsRoundup);

  beforeAll(() => {
    site = buildJekyllSite({
      '_config.yml': CONFIG,
      '_layouts/post.html': LAYOUT,
      '_includes/partial.html': INCLUDED,
      'about.md': '---\ntitle: About\n---\nAbout.\n',
      '_posts/2020-07-31-vectors.md': exported,
      '_posts/2020-07-30-typed.md': withoutLiquid({ ...vectorsRoundup, date: '2020-07-30' }),
      '_posts/2020-07-29-splits.md': createRenderer({
        markdownTemplate: { source: ADJACENT_TEMPLATE, name: 'adjacent.liquid' },
      }).markdown(splitsRoundup),
      '_posts/2020-07-28-link-tags.md': renderMarkdown(linkTagsRoundup),
      '_posts/2020-07-27-splits.md': renderMarkdown({ ...splitsRoundup, date: '2020-07-27' }),
      ...Object.fromEntries(
        interruptPosts.map(({ name, markdown }) => [`_posts/${name}`, markdown])
      ),
      '_posts/2020-07-29-cortex-m-debug-monitor.md': stubPost('Debug monitor'),
      '_posts/2020-12-01-rust-linker.md': stubPost('Rust linker'),
      '_posts/2019-12-05-rust-intro.md': stubPost('Rust intro'),
    });
    console.log(`jekyll build: ${site.seconds.toFixed(2)} s`);
  });
  afterAll(() => site?.remove());

  it('shows the body exactly as the editors typed it, as with Liquid off', () => {
    const page = site.page('2020/07/31/vectors.html');
    const typed = site.page('2020/07/30/typed.html');
    expect(page.byId('content').html).toBe(typed.byId('content').html);
    // Jekyll closes the block tags it sees in an excerpt of literal text; the field between
    // the excerpt markers of the content is what the editor typed.
    const content = typed.byId('content').html;
    const excerpt = content.slice(
      content.indexOf('<!-- excerpt start -->'),
      content.indexOf('<!-- excerpt end -->')
    );
    expect(page.byId('excerpt').text.replace(/\s+/g, ' ').trim()).toBe(
      textOfHtml(excerpt).replace(/\s+/g, ' ').trim()
    );
    const code = page
      .byId('content')
      .elements.filter((element) => element.tagName === 'pre')
      .map(textOf);
    for (const text of VECTORS) expect(code).toContain(`${text}\n`);
  });

  it('shows titles, authors, section names and URLs literally', () => {
    const content = site.page('2020/07/31/vectors.html').byId('content');
    const headings = content.elements.filter((element) => element.tagName === 'h2').map(textOf);
    expect(headings).toEqual(LIQUID_VECTORS.map(({ text }, n) => `S${n} ${oneLine(text)}`));
    // Each entry's list item (commentary lists have none of their own).
    const items = content.elements
      .filter((element) => element.tagName === 'li')
      .map((element) => ({ element, elements: elementsIn(element) }));
    const controlEncoded = (url: string) => url.replace(/\p{Cc}/gu, (c) => encodeURIComponent(c));
    LIQUID_VECTORS.forEach(({ text }, n) => {
      const [item, bare] = [items[2 * n], items[2 * n + 1]];
      const link = item.elements.find((element) => element.tagName === 'a')!;
      expect(textOf(link)).toBe(oneLine(text));
      expect(attribute(link, 'href')).toBe(controlEncoded(urlOf(n, text)));
      expect(textOf(item.element)).toContain(`${oneLine(text)} by ${oneLine(text)}`);
      const bareLink = bare.elements.find((element) => element.tagName === 'a')!;
      expect(attribute(bareLink, 'href')).toBe(urlOf(n, text.replace(/\s/g, '')));
    });
  });

  it('shows front matter as typed, printed as it is and through markdownify', () => {
    const page = site.page('2020/07/31/vectors.html');
    expect(page.byId('title').text).toBe(vectorsRoundup.title);
    expect(page.byId('note').html).toBe(site.page('2020/07/30/typed.html').byId('note').html);
  });

  it('runs none of it', () => {
    const page = site.page('2020/07/31/vectors.html');
    const text = ['title', 'note', 'excerpt', 'content'].map((id) => page.byId(id).text).join('\n');
    for (const result of WOULD_SHOW) expect(text).not.toContain(result);
  });

  it('opens no Liquid where one value ends in a brace and the next one starts a tag', () => {
    const content = site.page('2020/07/29/splits.html').byId('content');
    for (const result of WOULD_SHOW) expect(content.text).not.toContain(result);
    const text = content.text.replace(/\s+/g, ' ');
    for (const [first, second] of LIQUID_SPLITS) {
      expect(text).toContain(`${oneLine(first)}${oneLine(second)}`);
      expect(text).toContain(`${oneLine(second)}${oneLine(first)}`);
    }
  });

  it('opens none with the default template either: a title ending in { before an author', () => {
    const content = site.page('2020/07/27/splits.html').byId('content');
    for (const result of WOULD_SHOW) expect(content.text).not.toContain(result);
    const links = content.elements
      .filter((element) => element.tagName === 'li')
      .map((element) => oneLine(textOf(element)));
    expect(links).toEqual(
      LIQUID_SPLITS.flatMap(([first, second]) => [
        `${oneLine(second)} by ${oneLine(first)} ${oneLine(second)}`,
        `${oneLine(first)} by ${oneLine(second)} ${oneLine(first)}`,
      ])
    );
  });

  it('runs the allowed link tags in editors’ Markdown only', () => {
    const page = site.page('2020/07/28/link-tags.html');
    const hrefs = page
      .byId('content')
      .elements.filter((element) => element.tagName === 'a')
      .map((element) => attribute(element, 'href'));
    expect(hrefs).toEqual(
      expect.arrayContaining(['/about.html', '/2020/07/29/splits.html', 'https://e.example/'])
    );
    expect(page.byId('excerpt').html).toContain('href="/2020/07/29/splits.html"');
    const text = page.byId('content').text;
    expect(text).toContain('{% post_url 2020-07-29-splits %} by {% link about.md %}');
    expect(text).toContain('Older: splits, {% raw %} and /about.html.');
    expect(page.byId('title').text).toBe(linkTagsRoundup.title);
    const headings = page.byId('content').elements.filter((element) => element.tagName === 'h2');
    expect(headings.map(textOf)).toEqual(['{% link about.md %}']);
    // With whitespace control a tag could strip what is around its field: it is shown instead.
    expect(page.byId('content').html).toContain('{%- link about.md -%}');
  });

  it.each<[string, string, string[], string[]]>([
    [
      '2020-08-06-what-we-read-july.md',
      '2020/08/06/what-we-read-july.html',
      ['/2020/07/29/cortex-m-debug-monitor.html'],
      ['{{ site.cmock }}', 'zero-to-main series'],
    ],
    [
      '2021-01-14-what-we-read-december.md',
      '2021/01/14/what-we-read-december.html',
      ['/2019/12/05/rust-intro.html', '/2020/12/01/rust-linker.html'],
      ['our Rust series', 'the previous post'],
    ],
  ])(
    'builds the export of the hand-written post %s with its link tags run',
    (_name, url, links, texts) => {
      const content = site.page(url).byId('content');
      const hrefs = content.elements
        .filter((element) => element.tagName === 'a')
        .map((element) => attribute(element, 'href'));
      expect(hrefs).toEqual(expect.arrayContaining(links));
      for (const text of texts) expect(content.text).toContain(text);
    }
  );
});
