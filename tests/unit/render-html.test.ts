import { parseFragment } from 'parse5';
import type { Roundup } from '../../plugins/roundup/server/src/core/model';
import { FIELDS, VECTORS, type ParsedNode as Node } from '../helpers/hostile-vectors';
import {
  createRenderer,
  renderHtml,
  safeHref,
  sanitizeHtml,
} from '../../plugins/roundup/server/src/core/render';

const roundup = (): Roundup => ({
  title: 'July',
  slug: 'july',
  date: '2020-07-31',
  excerpt: 'Excerpt.',
  intro: 'Intro.',
  outro: 'Outro.',
  layout: 'post',
  frontMatter: { tags: ['a'] },
  sections: [
    {
      category: { name: 'Tools', slug: 'tools' },
      entries: [
        {
          title: 'vgrep',
          url: 'https://github.com/vrothberg/vgrep',
          author: 'Valentin',
          description: 'A *grep* for humans.',
        },
      ],
    },
  ],
});

const ALLOWED_ELEMENTS = new Set(
  (
    'article header section h1 h2 h3 h4 h5 h6 p ul ol li a em strong code pre blockquote br hr ' +
    'del s table thead tbody tr th td'
  ).split(' ')
);
const ALLOWED_ATTRIBUTES = new Set(['href', 'title', 'rel', 'start']);

/** Everything that could run or restyle in `html`, found in the tree a browser's parser builds. */
const dangers = (html: string): string[] => {
  const found: string[] = [];
  const walk = (node: Node) => {
    if (node.tagName && !ALLOWED_ELEMENTS.has(node.tagName)) found.push(`<${node.tagName}>`);
    if (node.nodeName === '#comment') found.push('<!-- comment -->');
    for (const { name, value } of node.attrs ?? []) {
      if (!ALLOWED_ATTRIBUTES.has(name)) found.push(`${node.tagName}[${name}]`);
      if (name === 'href' || name === 'src') {
        let protocol = 'relative';
        try {
          protocol = new URL(value).protocol;
        } catch {
          // not an absolute URL: stays 'relative'
        }
        if (
          !['http:', 'https:', 'mailto:'].includes(protocol) ||
          !/^(?:https?|mailto):/.test(value)
        ) {
          found.push(`${name}=${value}`);
        }
      }
    }
    node.childNodes?.forEach(walk);
    if (node.content) walk(node.content);
  };
  walk(parseFragment(html) as Node);
  return found;
};

describe('the danger check', () => {
  it.each([
    '<script>alert(1)</script>',
    '<p onclick="x">a</p>',
    '<p style="color:red">a</p>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href=" javascript:alert(1)">x</a>',
    '<a href="uops.info">x</a>',
    '<svg><a href="https://ok.example/">x</a></svg>',
    '<img src="https://ok.example/i.png">',
    '<!-- x -->',
  ])('finds %j', (html) => {
    expect(dangers(html)).not.toEqual([]);
  });
});

describe('renderHtml: no field can inject script, handler, style or dangerous URL', () => {
  const cases = Object.keys(FIELDS).flatMap((field) => VECTORS.map((vector) => [field, vector]));

  it.each(cases)('%s: %j', (field, vector) => {
    const input = roundup();
    FIELDS[field](input, vector);
    const html = renderHtml(input);
    expect(dangers(html)).toEqual([]);
    const top = parseFragment(html).childNodes.filter((node) => node.nodeName !== '#text');
    expect(top.map((node) => node.nodeName)).toEqual(['article']);
  });
});

describe('renderHtml', () => {
  it('builds an article: title, excerpt, intro, sections as headings with lists, outro', () => {
    expect(renderHtml(roundup())).toBe(`<article>
<header>
<h1>July</h1>
<p>Excerpt.</p>
</header>
<p>Intro.</p>
<section>
<h2>Tools</h2>
<ul>
<li><p><a href="https://github.com/vrothberg/vgrep" rel="noopener noreferrer">vgrep</a> by Valentin</p>
<p>A <em>grep</em> for humans.</p></li>
</ul>
</section>
<p>Outro.</p>
</article>
`);
  });

  it('leaves out empty parts and " by" without author; a deleted category is "Other"', () => {
    const bare: Roundup = {
      ...roundup(),
      excerpt: null,
      intro: ' ',
      outro: '',
      sections: [
        {
          category: null,
          entries: [{ title: 'T', url: 'https://t.example/', author: '', description: null }],
        },
      ],
    };
    expect(renderHtml(bare)).toBe(`<article>
<header>
<h1>July</h1>
</header>
<section>
<h2>Other</h2>
<ul>
<li><p><a href="https://t.example/" rel="noopener noreferrer">T</a></p></li>
</ul>
</section>
</article>
`);
  });

  it('escapes text fields rather than rendering them', () => {
    const input = roundup();
    input.title = 'Fish & <Chips> "quoted" *not emphasis*';
    input.sections[0].category = { name: 'A & B <i>', slug: 'a' };
    input.sections[0].entries[0].author = '<b>Bold</b>';
    const html = renderHtml(input);
    expect(html).toContain('<h1>Fish &amp; &lt;Chips&gt; &quot;quoted&quot; *not emphasis*</h1>');
    expect(html).toContain('<h2>A &amp; B &lt;i&gt;</h2>');
    expect(html).toContain('</a> by &lt;b&gt;Bold&lt;/b&gt;</p>');
  });

  it.each<[string, string]>([
    [
      '*em* **strong** `code` ~~gone~~',
      '<p><em>em</em> <strong>strong</strong> <code>code</code> <s>gone</s></p>',
    ],
    [
      '[https](https://a.example/x)',
      '<a href="https://a.example/x" rel="noopener noreferrer">https</a>',
    ],
    ['[http](http://a.example/)', '<a href="http://a.example/" rel="noopener noreferrer">http</a>'],
    [
      '[mail](mailto:me@example.com)',
      '<a href="mailto:me@example.com" rel="noopener noreferrer">mail</a>',
    ],
    [
      '[t](https://a.example/ "Title")',
      '<a href="https://a.example/" title="Title" rel="noopener noreferrer">t</a>',
    ],
    [
      '<https://a.example/auto>',
      '<a href="https://a.example/auto" rel="noopener noreferrer">https://a.example/auto</a>',
    ],
    ['See [uops.info](uops.info).', '<p>See uops.info.</p>'],
    ['[root](/path) [frag](#x) [ftp](ftp://a.example/)', '<p>root frag ftp</p>'],
    [
      '![alt](https://a.example/i.png)',
      '<p>!<a href="https://a.example/i.png" rel="noopener noreferrer">alt</a></p>',
    ],
    ['3. three\n4. four', '<ol start="3">\n<li>three</li>\n<li>four</li>\n</ol>'],
    ['> quoted', '<blockquote>\n<p>quoted</p>\n</blockquote>'],
    ['```js\nlet x = 1 < 2;\n```', '<pre><code>let x = 1 &lt; 2;\n</code></pre>'],
    ['Tab | le\n--- | ---\n1 | 2', '<table>\n<thead>\n<tr>\n<th>Tab</th>\n<th>le</th>'],
  ])('renders the Markdown commentary %j', (description, html) => {
    const input = roundup();
    input.sections[0].entries[0].description = description;
    expect(renderHtml(input)).toContain(html);
  });
});

describe('sanitizeHtml', () => {
  it.each<[string, string]>([
    ['<p onclick="x" class="c" style="color:red" id="i">a</p>', '<p>a</p>'],
    ['<p>open <em>tags', '<p>open <em>tags</em></p>'],
    ['<script>bad()</script><p>ok</p>', '<p>ok</p>'],
    ['<svg><p>inside</p><img src=x></svg>after', 'after'],
    ['<div><span>unknown</span> tags</div>', 'unknown tags'],
    [
      '<a href="https://x.example">x</a>',
      '<a href="https://x.example/" rel="noopener noreferrer">x</a>',
    ],
    ['<a href="/relative">x</a>', 'x'],
    ['<a>no href</a>', 'no href'],
    [
      '<a href="https://x.example" rel="opener" target="_top">x</a>',
      '<a href="https://x.example/" rel="noopener noreferrer">x</a>',
    ],
    ['<ol start="2" reversed><li>b</li></ol>', '<ol start="2"><li>b</li></ol>'],
    ['<ol start="2;x"><li>b</li></ol>', '<ol><li>b</li></ol>'],
    [
      'a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39; &unknown;',
      'a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39; &amp;unknown;',
    ],
    ['<p>x</p><!-- comment --><br/>', '<p>x</p><br>'],
    ['</p></li>stray closings', '<p></p>stray closings'],
  ])('%j becomes %j', (input, output) => {
    expect(sanitizeHtml(input)).toBe(output);
  });
});

describe('safeHref', () => {
  it.each<[string, string | null]>([
    ['https://example.com/a?b=c#d', 'https://example.com/a?b=c#d'],
    ['http://example.com', 'http://example.com/'],
    ['mailto:me@example.com', 'mailto:me@example.com'],
    ['  https://example.com/trimmed ', 'https://example.com/trimmed'],
    ['javascript:alert(1)', null],
    ['java\tscript:alert(1)', null],
    ['\u0000javascript:alert(1)', null],
    ['vbscript:x', null],
    ['data:text/html,x', null],
    ['ftp://example.com/', null],
    ['uops.info', null],
    ['/relative', null],
    ['//evil.example/x', null],
    ['ｊａｖａｓｃｒｉｐｔ:alert(1)', null],
    ['https\u200b://example.com', null],
  ])('%j gives %j', (href, safe) => {
    expect(safeHref(href)).toBe(safe);
  });
});

describe('HTML templates', () => {
  it('sanitizes the output of a template of the user too', () => {
    const renderer = createRenderer({
      htmlTemplate: {
        name: 'unsafe.liquid',
        source:
          '<div onclick="x" style="color:red"><h3>{{ roundup.title | raw }}</h3>' +
          '<a href="{{ roundup.sections[0].entries[0].url | raw }}">link</a></div><script>1</script>',
      },
    });
    const input = roundup();
    input.title = '<img src=x onerror=alert(1)>Title';
    input.sections[0].entries[0].url = 'javascript:alert(1)';
    const html = renderer.html(input);
    expect(dangers(html)).toEqual([]);
    expect(html).toBe('<h3>Title</h3>link\n');
  });
});
