import { allowedLinkTag, liquidConstructs } from './liquid';

/**
 * Editors' text kept from Liquid in the Markdown output. Jekyll runs Liquid over a
 * post's body before kramdown reads it, and Liquid knows no Markdown escape (`\{%`
 * still opens a tag), so every field is written in a form in which no `{{` or `{%`
 * of the editor's reaches Liquid, alone or next to its neighbours:
 *
 * - `inline` (titles, authors, section names, link destinations bare or in `<…>`):
 *   each `{` and `}` as the character reference `&#123;` / `&#125;`, and a `&` that
 *   would read as a reference as `&amp;`. kramdown, CommonMark and browsers turn them
 *   back into the characters; the value holds no `{` at all.
 * - `markdown` (commentary, intro, outro, excerpt): a reference would show as written
 *   in code, so each `{` that Liquid would read as the start of a tag or an output
 *   (followed by `{` or `%`), and one that ends the field, goes into a raw block that
 *   holds only braces: `{% raw %}{{% endraw %}`, on one line, unable to hold its end tag.
 *   No `{%` of the editor's is left, not even inside a raw block: Jekyll looks for
 *   block tags in an excerpt without reading raw blocks, and closes those it finds
 *   open (`{% if` → `{% endif %}`), which would fail the build. The allowed link tags
 *   (`{% post_url 2020-07-29-slug %}`, no whitespace control) pass as written.
 *
 * Front matter needs neither: Jekyll never runs Liquid on it, and layouts print its
 * values as data (`{{ page.title }}`, `| markdownify`, `| escape`), where a reference
 * would show as written.
 */

/** Where editor text lands: inline text or a link destination, or a Markdown field with the site's link tags. */
export type LiquidPosition = { in: 'inline' } | { in: 'markdown'; allowedTags: readonly string[] };

export const INLINE: LiquidPosition = { in: 'inline' };

/**
 * After a raw block that ends a field: Ruby Liquid reads the block's last brace and its end
 * tag as `{{…}` and takes one more `}` if the next value starts with one.
 */
const EMPTY_RAW = '{% raw %}{% endraw %}';

export interface InertLiquid {
  text: string;
  /** The Liquid constructs made inert, as written. */
  inert: string[];
}

/** `text` as it goes into the Markdown output at `position`, with no Liquid of its own left to run. */
export const inertLiquid = (text: string, position: LiquidPosition): InertLiquid =>
  position.in === 'inline' ? inertInline(text) : inertMarkdown(text, position.allowedTags);

// A `&` followed by what reads as a reference (`&#123;`, `&amp;`) stays a `&`.
const REFERENCE_LIKE = /&(?=#?[\da-z]+;)/gi;

const inertInline = (text: string): InertLiquid => {
  const inert = liquidConstructs(text).map(({ start, end }) => text.slice(start, end));
  const written = text
    .replace(REFERENCE_LIKE, '&amp;')
    .replace(/[{}]/g, (brace) => (brace === '{' ? '&#123;' : '&#125;'));
  return { text: written, inert };
};

/**
 * `text[from, to)` with each `{` that Liquid would read as the start of a tag or output
 * (followed by `{` or `%`), or that ends the text, in a raw block holding only braces, so
 * that it cannot hold its end tag: `{{ x }}` is written `{% raw %}{{% endraw %}{ x }}`.
 */
const bracesWrapped = (text: string, from: number, to: number): string => {
  const out: string[] = [];
  let last = from;
  let at = text.indexOf('{', from);
  while (at >= 0 && at < to) {
    let end = at;
    while (end < to && text[end] === '{') end += 1;
    // Each brace of the run is followed by one, but the last: it opens Liquid before `%` or at the end.
    const wrapped = text[end] === '%' || end === text.length ? end : end - 1;
    if (wrapped > at) {
      const guard = wrapped === text.length ? EMPTY_RAW : '';
      out.push(text.slice(last, at), `{% raw %}${text.slice(at, wrapped)}{% endraw %}${guard}`);
      last = wrapped;
    }
    at = text.indexOf('{', end);
  }
  out.push(text.slice(last, to));
  return out.join('');
};

const inertMarkdown = (text: string, allowed: readonly string[]): InertLiquid => {
  const out: string[] = [];
  const inert: string[] = [];
  let from = 0;
  for (const { start, end } of liquidConstructs(text)) {
    const construct = text.slice(start, end);
    if (!allowedLinkTag(construct, allowed)) {
      inert.push(construct);
      continue;
    }
    out.push(bracesWrapped(text, from, start), construct);
    from = end;
  }
  out.push(bracesWrapped(text, from, text.length));
  return { text: out.join(''), inert };
};

const RAW_OPEN = /^\{%-?[ \t]*raw[ \t]*-?%\}$/;
const RAW_CLOSE = /\{%-?[ \t]*endraw[ \t]*-?%\}/;
/** What versions before this one wrote for a `{` in a construct that held endraw. */
const LEGACY_BRACE = '{{ "{" }}';

/**
 * A Markdown field of a Jekyll post (ours or hand-written) as the text it shows once
 * Liquid has run its raw blocks: `{% raw %}{{ x }}{% endraw %}` is `{{ x }}`. Other
 * Liquid stays as written; the Markdown output makes it inert again itself.
 */
export const readInertLiquid = (text: string): string => {
  if (!text.includes('{%') && !text.includes(LEGACY_BRACE)) return text;
  const out: string[] = [];
  const outside = (piece: string) => out.push(piece.split(LEGACY_BRACE).join('{'));
  let from = 0;
  let at = text.indexOf('{%');
  let end = -1;
  while (at >= 0) {
    // The first `%}` after `at`; the one found for an earlier `{%` still is, when it lies beyond.
    if (end < at + 2) end = text.indexOf('%}', at + 2);
    if (end < 0) break;
    if (!RAW_OPEN.test(text.slice(at, end + 2))) {
      at = text.indexOf('{%', at + 2);
      continue;
    }
    // The body ends at the first endraw tag; look for it word by word, forward only.
    let close = text.indexOf('endraw', end + 2);
    while (close >= 0) {
      const windowStart = Math.max(end + 2, close - 4);
      const relative = text.slice(windowStart, close).lastIndexOf('{%');
      const open = relative < 0 ? -1 : windowStart + relative;
      const match = open >= 0 ? RAW_CLOSE.exec(text.slice(open, close + 12)) : null;
      if (match && match.index === 0) {
        outside(text.slice(from, at));
        out.push(text.slice(end + 2, open));
        from = open + match[0].length;
        break;
      }
      close = text.indexOf('endraw', close + 6);
    }
    if (close < 0) break;
    at = text.indexOf('{%', from);
  }
  outside(text.slice(from));
  return out.join('');
};
