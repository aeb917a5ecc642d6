import fs from 'node:fs';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { parseRoundupMarkdown } from '../../plugins/roundup/server/src/core/import';
import { createRenderer } from '../../plugins/roundup/server/src/core/render';
import { buildPage, RAN, readHtml } from '../helpers/jekyll';

const INTERRUPT = path.resolve(__dirname, '../fixtures/interrupt');
const posts = fs
  .readdirSync(INTERRUPT)
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => [name, fs.readFileSync(path.join(INTERRUPT, name), 'utf8')] as const);

const site = { siteUrl: 'https://site.example/blog', permalink: '/:year/:month/:day/:slug/' };
/** What the site's Jekyll makes of its link tags (Interrupt allows `tag_url` too). */
const LINK_TAGS = {
  post_url: (arg: string) => `/blog/post/${arg}/`,
  link: (arg: string) => `/blog/${arg}`,
  tag_url: (arg: string) => `/blog/tag/${arg}/`,
};
const interruptRenderer = createRenderer({
  markdown: { liquidTags: ['post_url', 'link', 'tag_url'] },
  site,
});
const defaultRenderer = createRenderer({ site });

const withoutFrontMatter = (post: string) => post.replace(/^---\n[\s\S]*?\n---\n/, '');
const hrefs = (html: string) =>
  readHtml(html)
    .elements.filter((e) => e.name === 'a')
    .map((e) => e.attribs.href);
const words = (text: string) =>
  text
    .split(/\s+/)
    .filter(
      (word) =>
        word !== '' && !/^[-–—|]$/.test(word) && !word.includes('LIQUID') && !word.includes('RAN')
    );

describe.each(posts)('the Interrupt-style post %s', (name, post) => {
  const parsed = parseRoundupMarkdown(post, { fileName: name });
  const original = buildPage(withoutFrontMatter(post), LINK_TAGS);

  it('keeps every link and all visible text in the Markdown output', () => {
    const rendered = buildPage(interruptRenderer.markdown(parsed.roundup), LINK_TAGS);
    expect(rendered.text).not.toContain(RAN);
    const renderedHrefs = hrefs(rendered.html);
    for (const href of hrefs(original.html)) expect(renderedHrefs).toContain(href);
    const renderedWords = words(rendered.text);
    for (const word of words(original.text)) expect(renderedWords).toContain(word);
  });

  it('reads back as the same roundup', () => {
    const again = parseRoundupMarkdown(interruptRenderer.markdown(parsed.roundup), {
      fileName: name,
    });
    expect(again.roundup).toEqual(parsed.roundup);
  });

  it('keeps every absolute link in the HTML output, Liquid link tags resolved on the site', () => {
    const html = hrefs(defaultRenderer.html(parsed.roundup));
    for (const href of hrefs(original.html)) {
      const absolute = href.startsWith('/blog/post/')
        ? null
        : href.startsWith('/blog/')
          ? `https://site.example${href}`
          : href;
      if (absolute && !href.startsWith('/blog/tag/')) expect(html).toContain(absolute);
    }
  });
});

describe('Liquid link tags in the HTML output', () => {
  const roundup = parseRoundupMarkdown(posts[0][1], { fileName: posts[0][0] }).roundup;
  const html = defaultRenderer.html(roundup);

  it('resolves post_url with the feeds permalink pattern below the site URL', () => {
    expect(html).toContain(
      '<a href="https://site.example/blog/2020/07/29/cortex-m-debug-monitor/" rel="noopener noreferrer">on the topic</a>'
    );
  });

  it('resolves link to the site URL and the path', () => {
    const december = parseRoundupMarkdown(posts[1][1], { fileName: posts[1][0] }).roundup;
    expect(defaultRenderer.html(december)).toContain(
      '<a href="https://site.example/blog/_posts/2019-12-05-rust-intro.md" rel="noopener noreferrer">our Rust series</a>'
    );
  });

  it('keeps the text of a link whose tag it cannot resolve, without an href', () => {
    expect(html).toContain('see also the zero-to-main series.');
    expect(html).not.toContain('tag_url');
  });

  it('resolves reference links and keeps footnotes as text', () => {
    expect(html).toContain(
      '<a href="https://interrupt-slack.herokuapp.com/" rel="noopener noreferrer">the Interrupt Slack</a>'
    );
    expect(html).toContain(
      '<a href="https://ferrous-systems.com/blog/follow-up" rel="noopener noreferrer">follow-up</a>'
    );
    expect(html).toContain('[^1]');
  });

  it('passes the allowed tags to the site in the Markdown output and makes the others inert', () => {
    const markdown = defaultRenderer.markdown(roundup);
    expect(markdown).toContain('[on the topic]({% post_url 2020-07-29-cortex-m-debug-monitor %})');
    expect(markdown).toContain(
      '[zero-to-main series]({% raw %}{{% endraw %}% tag_url zero-to-main %})'
    );
    expect(markdown).toContain('{% raw %}{{% endraw %}{ site.cmock }}');
    const page = buildPage(markdown, LINK_TAGS);
    expect(page.text).toContain('{% tag_url zero-to-main %}');
    expect(page.text).toContain('{{ site.cmock }}');
  });
});

const post = (body: string[]) =>
  ['---', 'title: T', 'date: 2024-04-30', '---', '', ...body, ''].join('\n');
const reader = new MarkdownIt({ html: true });

describe('import then render keeps what a reader sees', () => {
  it.each([
    ['parentheses', 'https://en.wikipedia.org/wiki/Foo_(bar)'],
    ['backticks', 'https://e.example/`code`/x'],
    ['unbalanced parenthesis', 'https://e.example/a)b'],
    ['both, and a query', 'https://e.example/a_(b)?q=`x`&r=1'],
  ])('a URL with %s stays the same string', (_name, url) => {
    const parsed = parseRoundupMarkdown(post(['## Links', `* [T](<${url}>) by A`]));
    expect(parsed.roundup.sections[0].entries[0].url).toBe(url);
    const again = parseRoundupMarkdown(defaultRenderer.markdown(parsed.roundup));
    expect(again.roundup.sections[0].entries[0].url).toBe(url);
    const line = defaultRenderer
      .markdown(parsed.roundup)
      .split('\n')
      .find((l) => l.startsWith('* '))!;
    const link = reader.parseInline(line, {})[0].children!.find((t) => t.type === 'link_open')!;
    expect(link.attrGet('href')).toBe(reader.normalizeLink(url));
  });

  it.each([
    '# of things',
    '- a dash',
    '+ 1 for this',
    '* a star',
    '1. first',
    '2) second',
    '> quoted',
    '---',
    '```js',
  ])('commentary on the link line starting with %j stays text', (lead) => {
    const parsed = parseRoundupMarkdown(
      post(['## Links', `- [T](https://e.example/) by A - ${lead} and more`])
    );
    const markdown = defaultRenderer.markdown(parsed.roundup);
    const item = reader.parse(markdown.replace(/^---\n[\s\S]*?\n---\n/, ''), {});
    const nested = item.filter(
      (t) => /^(?:heading|blockquote|bullet_list|ordered_list|fence|hr)/.test(t.type) && t.level > 0
    );
    expect(nested).toEqual([]);
    expect(buildPage(markdown).text).toContain(`${lead} and more`);
    const html = defaultRenderer.html(parsed.roundup);
    expect(readHtml(html).text).toContain(`${lead} and more`);
    expect(parseRoundupMarkdown(markdown).roundup).toEqual(parsed.roundup);
  });

  it('reads an export holding Liquid back as the same roundup, warning only of the Liquid typed', () => {
    const typed = parseRoundupMarkdown(
      post([
        '## {{ site.title }} {',
        '* [{% if x %} {](https://e.example/{{y}}) by {{ z }} {<br/>',
        '  Say {% raw %}{{ hi }}{% endraw %} and `{% comment %}` {',
      ])
    ).roundup;
    expect(typed.sections[0].entries[0]).toEqual({
      title: '{% if x %} {',
      url: 'https://e.example/{{y}}',
      author: '{{ z }} {',
      description: 'Say {{ hi }} and `{% comment %}` {',
    });
    const again = parseRoundupMarkdown(defaultRenderer.markdown(typed));
    expect(again.roundup).toEqual(typed);
    expect(again.warnings.map((w) => w.message)).toEqual([
      'the Liquid "{{ hi }}" in the commentary of "{% if x %} {" is shown as text, not run by the site',
      'the Liquid "{% comment %}" in the commentary of "{% if x %} {" is shown as text, not run by the site',
    ]);
  });

  it.each([
    [
      'a footnote reference right after the link',
      ['* [Parser (a library)](https://e.example/p)[^1] by Ann - for parsing', '', '[^1]: Note.'],
    ],
    [
      'an asterisk glued to the end of the title',
      ['* [Tool](https://e.example/t)* by Bob - starred'],
    ],
    [
      'a glued reference and more lines',
      ['* [Tool](https://e.example/t)[^a]<br/>', '  More on it.', '', '[^a]: Why.'],
    ],
    ['a dangling "by" with no author', ['* [Maps](https://e.example/m) by<br/>', '  Old maps.']],
    ['a dangling "by" alone', ['* [Maps](https://e.example/m) by']],
  ])('%s reads the same after import and render', (_name, body) => {
    const source = post(['## Links', ...body]);
    const parsed = parseRoundupMarkdown(source);
    const markdown = defaultRenderer.markdown(parsed.roundup);
    const shown = (text: string) =>
      buildPage(withoutFrontMatter(text)).text.replace(/\s+/g, ' ').trim();
    expect(shown(markdown)).toBe(shown(source));
    expect(parseRoundupMarkdown(markdown).roundup).toEqual(parsed.roundup);
  });

  it.each(['Random!', 'Q&A?', 'C++ & Rust: tools', 'Neat Open-Source Projects…'])(
    'a section heading %j keeps its punctuation',
    (name) => {
      const parsed = parseRoundupMarkdown(post([`## ${name}`, '* [T](https://e.example/)']));
      expect(parsed.roundup.sections[0].category?.name).toBe(name);
      const again = parseRoundupMarkdown(defaultRenderer.markdown(parsed.roundup));
      expect(again.roundup.sections[0].category?.name).toBe(name);
    }
  );

  it('keeps a link in a heading as an entry of its section, and warns', () => {
    const parsed = parseRoundupMarkdown(
      post([
        '# 2025-07-23 | City | [Meetup name](https://example.org/meetup)',
        '',
        '- [Talk](https://example.org/talk) by A',
        '',
        '# 2025-07-30 | Town | [Other meetup](https://example.org/other)',
        '',
        'No talks yet.',
      ])
    );
    expect(parsed.roundup.sections[0]).toEqual({
      category: { name: '2025-07-23 | City | Meetup name', slug: expect.any(String) },
      entries: [
        {
          title: 'Meetup name',
          url: 'https://example.org/meetup',
          author: null,
          description: null,
        },
        {
          title: 'Talk',
          url: 'https://example.org/talk',
          author: 'A',
          description: null,
        },
      ],
    });
    // A heading without entries keeps its link in the text around it.
    expect(parsed.roundup.outro).toContain('[Other meetup](https://example.org/other)');
    expect(parsed.warnings.map((w) => w.message)).toContain(
      'the link "Meetup name" in the heading of the section "2025-07-23 | City | Meetup name" is kept as an entry of that section'
    );
    const rendered = hrefs(reader.render(defaultRenderer.markdown(parsed.roundup)));
    expect(rendered).toEqual(
      expect.arrayContaining([
        'https://example.org/meetup',
        'https://example.org/talk',
        'https://example.org/other',
      ])
    );
    const html = hrefs(defaultRenderer.html(parsed.roundup));
    expect(html).toEqual(
      expect.arrayContaining([
        'https://example.org/meetup',
        'https://example.org/talk',
        'https://example.org/other',
      ])
    );
  });

  it('keeps footnotes and reference-style links with their targets', () => {
    const parsed = parseRoundupMarkdown(
      post([
        '## Links',
        '* [T](https://e.example/) by A<br/>',
        '  Measured[^1], see [the data][data] and [more].',
        '',
        '[data]: https://e.example/data "Data"',
        '[more]: <https://e.example/more_(x)>',
        '[^1]: In [the lab](https://e.example/lab).',
      ])
    );
    const markdown = defaultRenderer.markdown(parsed.roundup);
    expect(markdown).toContain('Measured[^1], see [the data][data] and [more].');
    expect(markdown).toContain('[^1]: In [the lab](https://e.example/lab).');
    const page = reader.render(markdown);
    expect(hrefs(page)).toEqual(
      expect.arrayContaining([
        'https://e.example/data',
        'https://e.example/more_(x)',
        'https://e.example/lab',
      ])
    );
    expect(hrefs(defaultRenderer.html(parsed.roundup))).toEqual(
      expect.arrayContaining([
        'https://e.example/data',
        'https://e.example/more_(x)',
        'https://e.example/lab',
      ])
    );
  });
});
