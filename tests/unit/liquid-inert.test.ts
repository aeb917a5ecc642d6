import { Liquid, TokenKind, type Template } from 'liquidjs';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import {
  DEFAULT_LIQUID_TAGS,
  inertLiquid,
  INLINE,
  readInertLiquid,
  type LiquidPosition,
} from '../../plugins/roundup/server/src/core/render';
import { runLiquid } from '../helpers/jekyll';
import { LIQUID_SPLITS, LIQUID_VECTORS } from '../helpers/liquid-vectors';
import { seededRandom } from '../helpers/seeded-random';

const MARKDOWN: LiquidPosition = { in: 'markdown', allowedTags: DEFAULT_LIQUID_TAGS };
const POSITIONS: [string, LiquidPosition][] = [
  ['inline', INLINE],
  ['markdown', MARKDOWN],
];

// Strict: an output of any variable or filter that exists nowhere throws instead of printing "".
const liquid = new Liquid({ strictVariables: true, strictFilters: true });

/**
 * What Liquid makes of `written`: the tags (but raw) and outputs it would run, the text
 * liquidjs shows, and the text the port of Ruby Liquid's tokenizer (Jekyll's) shows.
 */
const liquidReading = (written: string) => {
  const templates: Template[] = liquid.parse(written);
  const running = templates
    .filter(
      (template) =>
        template.token.kind !== TokenKind.HTML &&
        !(template.token.kind === TokenKind.Tag && 'name' in template && template.name === 'raw')
    )
    .map((template) => template.token.getText());
  return { running, shown: String(liquid.renderSync(templates)), ruby: runLiquid(written) };
};

/** The text Liquid shows of `written`, failing the test if it would run anything. */
const liquidRun = (written: string): string => {
  const { running, shown, ruby } = liquidReading(written);
  expect(running).toEqual([]);
  expect(ruby).toBe(shown);
  return shown;
};

type Node = DefaultTreeAdapterMap['node'];
/** Text as Markdown and the browser show it: character references read as their characters. */
const asHtmlText = (html: string): string => {
  const text: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeName === '#text' && 'value' in node) text.push(node.value);
    if ('childNodes' in node) node.childNodes.forEach(walk);
  };
  walk(parseFragment(html));
  return text.join('');
};

/**
 * Jekyll looks for block tags in an excerpt without reading raw blocks and closes the
 * ones it finds open: no `{%` may be left but those of the raw blocks.
 */
const tagOpenersLeft = (written: string): boolean =>
  [...written.matchAll(/\{%/g)].some(
    ({ index }) =>
      !written.startsWith('{% raw %}', index) && !written.startsWith('{% endraw %}', index)
  );

/** What a site built from `written` shows of it (inline text has only references, no markup). */
const shownOnSite = (written: string, position: LiquidPosition) =>
  position.in === 'inline' ? asHtmlText(liquidRun(written)) : liquidRun(written);

describe('inertLiquid over the table of vectors', () => {
  const cases = LIQUID_VECTORS.flatMap(({ name, text }) =>
    POSITIONS.map(([where, position]) => [name, where, text, position] as const)
  );

  it.each(cases)('keeps %s as text in %s text', (_name, _where, text, position) => {
    const written = inertLiquid(text, position).text;
    expect(shownOnSite(written, position)).toBe(text);
    if (position.in === 'inline') expect(written).not.toMatch(/[{}]/);
    else expect(readInertLiquid(written)).toBe(text);
    expect(tagOpenersLeft(written)).toBe(false);
  });

  const firsts = [
    ...LIQUID_SPLITS.map(([first, second]) => [first, [second]] as const),
    ...LIQUID_VECTORS.map(({ text }) => [text, LIQUID_VECTORS.map((b) => b.text)] as const),
  ];

  it.each(firsts)(
    'opens no Liquid with %j next to any vector, in any position',
    (first, seconds) => {
      for (const second of seconds) {
        for (const [, p] of POSITIONS) {
          for (const [, q] of POSITIONS) {
            const written = inertLiquid(first, p).text + inertLiquid(second, q).text;
            // The vectors hold no `&` or `<`: reading references as characters changes nothing else.
            expect(asHtmlText(liquidRun(written))).toBe(first + second);
          }
        }
      }
    }
  );
});

describe('inertLiquid: the forms written', () => {
  it.each<[string, string]>([
    ['{{ page.title }}', '{% raw %}{{% endraw %}{ page.title }}'],
    ['a {% if x %}b', 'a {% raw %}{{% endraw %}% if x %}b'],
    ['{% endraw %}', '{% raw %}{{% endraw %}% endraw %}'],
    ['{{ "{% endraw %}" }}', '{% raw %}{{% endraw %}{ "{% raw %}{{% endraw %}% endraw %}" }}'],
    ['{{{ a\n}}}', '{% raw %}{{{% endraw %}{ a\n}}}'],
    ['{{{% x', '{% raw %}{{{{% endraw %}% x'],
    ['{{ unclosed', '{% raw %}{{% endraw %}{ unclosed'],
    ['ends {', 'ends {% raw %}{{% endraw %}{% raw %}{% endraw %}'],
    ['{ alone } and %}', '{ alone } and %}'],
    ['[older]({% post_url 2020-07-29-slug %})', '[older]({% post_url 2020-07-29-slug %})'],
    ['{% link about.md %}{', '{% link about.md %}{% raw %}{{% endraw %}{% raw %}{% endraw %}'],
    ['{%- link about.md -%}', '{% raw %}{{% endraw %}%- link about.md -%}'],
    ['{% include about.md %}', '{% raw %}{{% endraw %}% include about.md %}'],
  ])('writes the Markdown field %j as %j', (text, written) => {
    expect(inertLiquid(text, MARKDOWN).text).toBe(written);
    expect(readInertLiquid(written)).toBe(text);
  });

  it('lists the constructs it made inert, as written, for the warnings', () => {
    const text = 'a {{ x }} {% post_url 2020-07-29-slug %} {% endraw %} {{ y\n}} {';
    expect(inertLiquid(text, MARKDOWN).inert).toEqual(['{{ x }}', '{% endraw %}', '{{ y\n}}']);
  });

  it('makes the allowed tags inert too when the site allows none', () => {
    const written = inertLiquid('{% post_url 2020-07-29-slug %}', {
      in: 'markdown',
      allowedTags: [],
    });
    expect(written.text).toBe('{% raw %}{{% endraw %}% post_url 2020-07-29-slug %}');
  });

  it.each<[string, string]>([
    ['{{ x }}', '&#123;&#123; x &#125;&#125;'],
    ['{% post_url 2020-07-29-slug %}', '&#123;% post_url 2020-07-29-slug %&#125;'],
    ['&#123; &amp; &copy; & a', '&amp;#123; &amp;amp; &amp;copy; & a'],
    ['no braces', 'no braces'],
  ])('writes the inline text %j as %j', (text, written) => {
    expect(inertLiquid(text, INLINE).text).toBe(written);
    expect(asHtmlText(written)).toBe(text);
  });

  it.each<[string, string]>([
    ['{{ "{" }}% endraw %}', '{% endraw %}'],
    ['{% raw %}{{ "{" }}{% endraw %}', '{{ "{" }}'],
    ['{%- raw -%}{{ x }}{%- endraw -%}', '{{ x }}'],
    ['{% raw %}never closed', '{% raw %}never closed'],
    [
      '{{ site.title }} {% post_url 2020-07-29-slug %}',
      '{{ site.title }} {% post_url 2020-07-29-slug %}',
    ],
  ])('reads %j, as posts (older exports too) write it, as %j', (written, text) => {
    expect(readInertLiquid(written)).toBe(text);
  });
});

const ALPHABET = ['{', '}', '%', '-', 'raw', 'endraw', 'comment', ' ', '\n'];
const SEED = Number(process.env.LIQUID_PROPERTY_SEED ?? 20260731);
const ITERATIONS = 10000;

describe(`inertLiquid on ${ITERATIONS} random strings (seed ${SEED})`, () => {
  it('never leaves a Liquid tag or output, alone or next to another value, and shows the text', () => {
    const random = seededRandom(SEED);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
    const randomText = () =>
      Array.from({ length: Math.floor(random() * 24) }, () => pick(ALPHABET)).join('');
    // Checked without an expect per string (thousands of them are slow); the first few failures are shown.
    const failures: object[] = [];
    const check = (text: string, written: string, position: LiquidPosition | null) => {
      const { running, shown, ruby } = liquidReading(written);
      // The alphabet has no `&` or `<`, so reading references as characters changes nothing else.
      const problems = {
        running,
        shownOtherwise: asHtmlText(shown) !== text,
        rubyReadsOtherwise: ruby !== shown,
        tagOpenersLeft: tagOpenersLeft(written),
        readBackOtherwise: position?.in === 'markdown' && readInertLiquid(written) !== text,
      };
      if (running.length > 0 || Object.values(problems).some((problem) => problem === true))
        failures.push({ text, written, ...problems });
    };
    for (let n = 0; n < ITERATIONS && failures.length < 5; n += 1) {
      const text = randomText();
      const cut = Math.floor(random() * (text.length + 1));
      const [first, second] = [text.slice(0, cut), text.slice(cut)];
      const [p, q] = [pick(POSITIONS)[1], pick(POSITIONS)[1]];
      check(text, inertLiquid(first, p).text + inertLiquid(second, q).text, null);
      for (const [, position] of POSITIONS) check(text, inertLiquid(text, position).text, position);
    }
    expect(failures).toEqual([]);
  });
});
