import { parse } from 'parse5';
import type { Roundup, RoundupSection } from '../../plugins/roundup/server/src/core/model';
import { demoCategories, demoRoundup } from '../../src/demo/july';
import type { ParsedNode as Node } from './hostile-vectors';

/** The July roundup the demo app seeds, as the renderers see it: 15 links in four sections. */
export const julyPost = (): Roundup => ({
  title: demoRoundup.title,
  slug: 'what-ive-been-reading-in-july',
  date: demoRoundup.date,
  excerpt: demoRoundup.excerpt,
  intro: demoRoundup.intro,
  outro: demoRoundup.outro,
  layout: demoRoundup.layout,
  frontMatter: demoRoundup.frontMatter,
  sections: demoCategories.map(({ name }) => ({
    category: { name, slug: name.toLowerCase().replace(/\W+/g, '-') },
    entries: (demoRoundup.sections[name as keyof typeof demoRoundup.sections] ?? []).map(
      (entry) => ({ author: null, ...entry })
    ),
  })),
});

// As long as the longer commentaries of the real series (about 600 characters), with a link.
const MORE =
  'What makes it worth the time is how it starts from first principles and builds up, with ' +
  'examples you can run, before it gets to the [trade-offs](https://example.org/trade-offs) ' +
  'that decide real systems. I came back to it twice this month and found something new each time.';

/**
 * A roundup of `count` links with the July roundup's titles and authors and
 * commentary as long as the real series' (cycled, each link its own URL).
 */
export const roundupOfLinks = (count: number): Roundup => {
  const july = julyPost();
  const pool = july.sections.flatMap((section) => section.entries);
  const sections: RoundupSection[] = july.sections.map((section) => ({
    category: section.category,
    entries: [],
  }));
  for (let n = 0; n < count; n += 1) {
    const entry = pool[n % pool.length];
    sections[n % sections.length].entries.push({
      ...entry,
      url: `${entry.url}${entry.url.includes('?') ? '&' : '?'}n=${n}`,
      description: `${entry.description} ${MORE}`,
    });
  }
  return { ...july, title: `${july.title} (${count} links)`, slug: `links-${count}`, sections };
};

/** Every entry URL of a roundup, in order. */
export const entryUrls = (roundup: Roundup): string[] =>
  roundup.sections.flatMap((section) => section.entries.map((entry) => entry.url));

/** What an email document may hold: its shell, layout tables and the fragment's elements. */
const EMAIL_ELEMENTS = new Set(
  (
    'html head meta title style body table tbody thead tfoot tr td th div span center ' +
    'article header section h1 h2 h3 h4 h5 h6 p ul ol li a em strong code pre blockquote br hr ' +
    'del s'
  ).split(' ')
);
const EMAIL_ATTRIBUTES = new Set(
  (
    'href title rel target start style class lang dir role cellpadding cellspacing border ' +
    'align valign width height bgcolor aria-hidden name content charset'
  ).split(' ')
);
const CSS_DANGERS = ['url(', '@import', 'expression', 'behavior', 'binding', 'javascript:'];

/** A stylesheet without its @media blocks: what a client that drops media queries still applies. */
export const outsideMediaQueries = (css: string): string => {
  let out = '';
  let depth = 0;
  let inMedia = false;
  for (let at = 0; at < css.length; at += 1) {
    if (depth === 0 && css.startsWith('@media', at)) inMedia = true;
    const char = css[at];
    if (char === '{') depth += 1;
    if (!inMedia) out += char;
    if (char === '}') {
      depth -= 1;
      if (depth === 0) inMedia = false;
    }
  }
  return out.trim();
};

/**
 * Everything in an email document, as a browser's parser reads it, that could
 * run script, load something or point somewhere relative; and any stylesheet
 * the layout depends on (anything outside @media).
 */
export const emailDangers = (html: string): string[] => {
  const found: string[] = [];
  const walk = (node: Node) => {
    if (node.tagName && !EMAIL_ELEMENTS.has(node.tagName)) found.push(`<${node.tagName}>`);
    if (node.nodeName === '#comment') found.push('<!-- comment -->');
    for (const { name, value } of node.attrs ?? []) {
      if (!EMAIL_ATTRIBUTES.has(name)) found.push(`${node.tagName}[${name}]`);
      if (name === 'style' && CSS_DANGERS.some((word) => value.toLowerCase().includes(word)))
        found.push(`${node.tagName}[style=${value}]`);
      if (name === 'href' && !/^(?:https?|mailto):/.test(value)) found.push(`href=${value}`);
      if (node.tagName === 'meta' && name === 'http-equiv') found.push('meta[http-equiv]');
    }
    if (node.tagName === 'style') {
      const css = (node.childNodes ?? []).map((child) => child.value ?? '').join('');
      if (outsideMediaQueries(css)) found.push(`<style> the layout needs: ${css.slice(0, 80)}`);
      if (CSS_DANGERS.some((word) => css.toLowerCase().includes(word)))
        found.push(`<style> loading or running something: ${css.slice(0, 80)}`);
    }
    node.childNodes?.forEach(walk);
    if (node.content) walk(node.content);
  };
  walk(parse(html) as Node);
  return found;
};

/** The href of every link of an email document, in order. */
export const emailLinks = (html: string): string[] => {
  const hrefs: string[] = [];
  const walk = (node: Node) => {
    const href = node.tagName === 'a' && node.attrs?.find(({ name }) => name === 'href');
    if (href) hrefs.push(href.value);
    node.childNodes?.forEach(walk);
  };
  walk(parse(html) as Node);
  return hrefs;
};

/** The `[n] url` references at the end of a text rendering, by number. */
export const textReferences = (text: string): Map<number, string> => {
  const references = new Map<number, string>();
  for (const line of text.split('\n')) {
    const match = /^\[(\d+)\] (\S+)$/.exec(line);
    if (match) references.set(Number(match[1]), match[2]);
  }
  return references;
};
