import { parseDocument } from 'htmlparser2';
import { parseRoundupMarkdown } from '../../plugins/roundup/server/src/core/import';
import type { Roundup } from '../../plugins/roundup/server/src/core/model';
import {
  createRenderer,
  markdownSafetyWarnings,
  renderHtml,
  renderMarkdown,
  safeMarkdown,
} from '../../plugins/roundup/server/src/core/render';
import { fieldSafetyWarnings } from '../../plugins/roundup/server/src/core/render/warnings';
import { buildPage, executableMarkup, RAN, readHtml } from '../helpers/jekyll';

/** Inputs an editor might type to run script on the built site or in the HTML output. */
const VECTORS: [string, string][] = [
  ['script', '<script>alert(1)</script>'],
  ['script in caps', '<SCRIPT SRC=//evil.example/x.js></SCRIPT>'],
  ['event handler', '<img src=x onerror=alert(1)>'],
  ['handler on an allowed element', '<a href="https://e.example/" onclick="alert(1)">x</a>'],
  ['handler on br', '<br onmouseover=alert(1)>'],
  ['javascript link', '<a href="javascript:alert(1)">x</a>'],
  ['entity-encoded javascript', '<a href="&#106;avascript&#58;alert(1)">x</a>'],
  ['entities without semicolons', '<a href="&#x6A&#x61vascript:alert(1)">x</a>'],
  ['whitespace-prefixed javascript', '<a href=" \tjavascript:alert(1)">x</a>'],
  ['tab inside the scheme', '<a href="java\tscript:alert(1)">x</a>'],
  ['data URL', '<a href="data:text/html,<script>alert(1)</script>">x</a>'],
  ['iframe', '<iframe src="https://evil.example/"></iframe>'],
  ['form', '<form action="javascript:alert(1)"><button>go</button></form>'],
  ['object', '<object data="x.swf"></object><embed src=x.swf>'],
  ['style', '<style>body{display:none}</style><b style="x:expression(alert(1))">b</b>'],
  ['svg', '<svg onload=alert(1)><script>alert(1)</script></svg>'],
  ['svg link', '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>'],
  ['MathML', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'],
  ['broken tag', '<img src=x onerror=alert(1)//'],
  ['slash instead of space', '<img/src=x/onerror=alert(1)>'],
  ['unclosed attribute', '<a href="https://e.example/ title="x" onclick=alert(1)>x</a>'],
  ['comment closed early', '<!-- x --!><script>alert(1)</script> -->'],
  ['empty comment', '<!--><img src=x onerror=alert(1)>-->'],
  ['CDATA', '<![CDATA[<img src=x onerror=alert(1)>]]>'],
  ['processing instruction', '<?php echo 1; ?><img src=x onerror=alert(1)>'],
  ['Markdown javascript link', '[x](javascript:alert(1))'],
  ['Markdown link in brackets', '[x](<javascript:alert(1)>)'],
  ['Markdown link, encoded', '[x](&#106;avascript:alert(1))'],
  ['Markdown link, escaped', '[x](java\\script:alert(1))'],
  ['Markdown image with data', '![x](data:image/svg+xml,<svg onload=alert(1)>)'],
  ['reference definition', '[x][r]\n\n[r]: javascript:alert(1)'],
  ['reference definition on the next line', '[x][r]\n\n[r]:\n  vbscript:msgbox(1)'],
  ['autolink', '<javascript:alert(1)>'],
  ['kramdown attribute list', '*x*{: onmouseover="alert(1)"}'],
  ['kramdown block attribute list', 'Text\n{: onclick="alert(1)"}'],
  ['kramdown nomarkdown', '{::nomarkdown}<script>alert(1)</script>{:/}'],
  ['HTML block hiding code', '<p>\n\n`<script>alert(1)</script>`\n\n</p>'],
  ['pre block hiding code', '<pre>\n\n`<img src=x onerror=alert(1)>`\n</pre>'],
  [
    'table cell splitting a code span',
    '| a | b |\n|---|---|\n| `x | <img src=x onerror=alert(1)> |',
  ],
  ['indented fence', 'Text\n\n    ```\n<script>alert(1)</script>\n```'],
  ['Liquid output', '{{ page.title }} and {{ site.github.token }}'],
  ['Liquid include', '{% include_relative _config.yml %}'],
  ['Liquid endraw', '{% endraw %}<script>alert(1)</script>{% raw %}'],
  ['Liquid unterminated', '{{ unfinished and {% also'],
  ['Liquid in a link tag argument', '{% link {{ page.x }} %}'],
  ['Liquid tag not on the list', '{% tag_url zero-to-main %}'],
];

const FIELDS = ['excerpt', 'intro', 'outro', 'commentary'] as const;

const roundupWith = (field: (typeof FIELDS)[number], text: string): Roundup => ({
  title: 'T',
  slug: 't',
  date: '2024-04-30',
  excerpt: field === 'excerpt' ? text : 'Excerpt.',
  intro: field === 'intro' ? text : null,
  outro: field === 'outro' ? text : null,
  layout: 'post',
  frontMatter: null,
  sections: [
    {
      category: { name: 'Articles', slug: 'articles' },
      entries: [
        {
          title: 'Entry',
          url: 'https://e.example/entry',
          author: 'A',
          description: field === 'commentary' ? text : 'Plain.',
        },
      ],
    },
  ],
});

const LINK_TAGS = { post_url: () => '/2020/07/29/x/', link: () => '/about/' };

describe.each(FIELDS)('raw HTML and Liquid in the %s', (field) => {
  it.each(VECTORS)('%s: nothing runs on the built site or in the HTML', (_name, vector) => {
    const markdown = renderMarkdown(roundupWith(field, vector));
    const page = buildPage(markdown, LINK_TAGS);
    expect(executableMarkup(page)).toEqual([]);
    expect(page.text).not.toContain(RAN);

    const html = renderHtml(roundupWith(field, vector));
    expect(executableMarkup(readHtml(html))).toEqual([]);
  });

  it.each(VECTORS)('%s: with rawHtml keep, raw HTML comes out as written', (_name, vector) => {
    const keep = createRenderer({ markdown: { rawHtml: 'keep' } });
    const markdown = keep.markdown(roundupWith(field, vector));
    if (!vector.includes('{')) expect(markdown).toContain(vector.split('\n')[0]);
  });
});

describe('what the Markdown output keeps', () => {
  it.each<[string, string]>([
    ['a line break', 'One<br/>two<br>three<br />'],
    ['the excerpt comments', '<!-- excerpt start -->\nText\n<!-- excerpt end -->'],
    ['inline formatting', '<em>a</em> <strong>b</strong> <code>c</code> <del>d</del> <s>e</s>'],
    [
      'links',
      '<a href="https://e.example/a?b=1&amp;c=2" title="T">x</a> <a href="mailto:a@e.example">m</a>',
    ],
    ['relative links', '<a href="/about/">about</a> and [x](/y/) and [z](#top)'],
    ['autolinks', '<https://e.example/> and <a@e.example>'],
    ['code spans with tags', 'Use `<script>` or ``<iframe src=x>`` here.'],
    ['fenced code', '```html\n<script>alert(1)</script>\n```'],
    ['less-than signs in text', 'a < b, 1 <2, <3 and <-> arrows'],
    ['escaped tags', '\\<script> is escaped'],
    ['Markdown links', '[x](https://e.example/a_(b)) ![i](https://e.example/i.png)'],
    [
      'allowed Liquid tags',
      '[on the topic]({% post_url 2020-07-29-cortex-m-debug-monitor %}) and [about]({% link about.md %})',
    ],
  ])('%s byte for byte', (_name, text) => {
    expect(safeMarkdown(text)).toEqual({ text, removed: [] });
    const markdown = renderMarkdown(roundupWith('intro', text));
    expect(markdown).toContain(text);
  });

  it('shows what it takes out as the text the editor typed', () => {
    const page = buildPage(
      renderMarkdown(roundupWith('intro', 'Hi <script>alert(1)</script> {{ page.title }}'))
    );
    expect(page.text).toContain('Hi <script>alert(1)</script> {{ page.title }}');
  });

  it('names every field and what it does there', () => {
    const roundup = roundupWith(
      'commentary',
      'A <iframe src=x></iframe> [x](javascript:y) {{ z }}'
    );
    roundup.intro = '*x*{: onclick=y}';
    expect(
      markdownSafetyWarnings(roundup, {
        rawHtml: 'sanitize',
        liquidTags: ['post_url', 'link'],
      }).map(({ field, message }) => [field, message])
    ).toEqual([
      ['intro', '"{: onclick=y}" in the intro is a kramdown attribute list; it is shown as text'],
      [
        'sections[0].entries[0].description',
        '"<iframe src=x>" in the commentary of "Entry" is not allowed raw HTML; it is shown as text',
      ],
      [
        'sections[0].entries[0].description',
        '"</iframe>" in the commentary of "Entry" is not allowed raw HTML; it is shown as text',
      ],
      [
        'sections[0].entries[0].description',
        '"javascript:y" in the commentary of "Entry" is a link target that is not http(s), mailto or relative; the link goes nowhere',
      ],
      [
        'sections[0].entries[0].description',
        'the Liquid "{{ z }}" in the commentary of "Entry" is shown as text, not run by the site',
      ],
    ]);
    expect(
      markdownSafetyWarnings(roundup, { rawHtml: 'keep', liquidTags: ['post_url', 'link'] }).map(
        (w) => w.message
      )
    ).toEqual([
      'the Liquid "{{ z }}" in the commentary of "Entry" is shown as text, not run by the site',
    ]);
  });

  it('shows the first ten of a kind in a field and counts the rest in one warning', () => {
    const roundup = roundupWith('commentary', `${'<x> '.repeat(25)}{{ a }} {{ b }} {{ a }}`);
    const messages = markdownSafetyWarnings(roundup, { rawHtml: 'sanitize', liquidTags: [] }).map(
      (w) => w.message
    );
    expect(messages.filter((m) => m.startsWith('"<x>"'))).toHaveLength(10);
    expect(messages).toContain(
      '15 more pieces of raw HTML that are not allowed are shown as text in the commentary of "Entry"'
    );
    // Three of a kind are all shown; so is an eleventh (a count of one would say less).
    expect(messages.filter((m) => m.startsWith('the Liquid'))).toEqual([
      'the Liquid "{{ a }}" in the commentary of "Entry" is shown as text, not run by the site',
      'the Liquid "{{ b }}" in the commentary of "Entry" is shown as text, not run by the site',
      'the Liquid "{{ a }}" in the commentary of "Entry" is shown as text, not run by the site',
    ]);
    const eleven = roundupWith('commentary', '<x> '.repeat(11));
    expect(markdownSafetyWarnings(eleven, { rawHtml: 'sanitize', liquidTags: [] })).toHaveLength(
      11
    );
  });

  it('gives each Liquid warning the offset where it is written', () => {
    const text = 'a {{ x }} b {{ y }} c {{ x }}';
    const offsets = fieldSafetyWarnings(text, 'the intro', {
      rawHtml: 'sanitize',
      liquidTags: [],
    }).map((w) => w.offset);
    expect(offsets).toEqual([2, 12, 22]);
  });
});

describe('every vector survives import and rendering again', () => {
  it.each(VECTORS)('%s', (_name, vector) => {
    const markdown = renderMarkdown(roundupWith('outro', vector));
    const again = parseRoundupMarkdown(markdown);
    expect(executableMarkup(buildPage(renderMarkdown(again.roundup), LINK_TAGS))).toEqual([]);
    const html = parseDocument(renderHtml(again.roundup));
    expect(html.children.length).toBeGreaterThan(0);
  });
});
