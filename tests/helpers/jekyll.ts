import MarkdownIt from 'markdown-it';
import { parseDocument } from 'htmlparser2';

/** The parts of htmlparser2's DOM nodes the checks read. */
interface ChildNode {
  type: string;
  data?: string;
  children?: ChildNode[];
}
interface Element extends ChildNode {
  name: string;
  attribs: Record<string, string>;
}

/**
 * What a Jekyll site makes of a post, as far as the tests need it: Liquid first
 * (Ruby Liquid 4's tokenizer and its `raw` tag, ported; any other tag or output
 * is marked as run), then Markdown with raw HTML on, then a browser's HTML parser.
 */

/**
 * Ruby Liquid's Tokenizer (`/\{%.*?%\}|\{\{.*?\}\}?|\{\{|\{%/m`): `{%…%}`, `{{…}` /
 * `{{…}}`, or a lone `{{` / `{%`, and the text between them. Scanned forward, each
 * closer's next position remembered, so a run of openers without closers stays linear.
 */
const tokenize = (source: string): string[] => {
  const tokens: string[] = [];
  let textStart = 0;
  let tagClose = -2; // next `%}` at or after the last search, or -1 when there is none left
  let outputClose = -2; // the same for `}`
  let at = source.indexOf('{');
  while (at !== -1) {
    let end = -1;
    if (source.startsWith('{%', at)) {
      if (tagClose !== -1 && tagClose < at + 2) tagClose = source.indexOf('%}', at + 2);
      end = tagClose === -1 ? at + 2 : tagClose + 2;
    } else if (source.startsWith('{{', at)) {
      if (outputClose !== -1 && outputClose < at + 2) outputClose = source.indexOf('}', at + 2);
      end = outputClose === -1 ? at + 2 : outputClose + (source[outputClose + 1] === '}' ? 2 : 1);
    }
    if (end === -1) {
      at = source.indexOf('{', at + 1);
      continue;
    }
    tokens.push(source.slice(textStart, at), source.slice(at, end));
    textStart = end;
    at = source.indexOf('{', end);
  }
  tokens.push(source.slice(textStart));
  return tokens.filter((token) => token !== '');
};

const isWordChar = (c: string | undefined) => c !== undefined && /\w/.test(c);
const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

/** The tag name after the `{%` that ends at `from` (`{%-? *name`), and where the name ends; null without one. */
const tagNameAt = (text: string, from: number): { name: string; end: number } | null => {
  let at = text[from] === '-' ? from + 1 : from;
  while (isSpace(text[at])) at += 1;
  const start = at;
  while (isWordChar(text[at])) at += 1;
  return at === start ? null : { name: text.slice(start, at), end: at };
};

/** A `{%…%}` token as Liquid reads it (`/^\{%-?\s*(\w+)\s*(.*?)\s*-?%\}$/`): its name and markup. */
const readTag = (token: string): { name: string; markup: string } | null => {
  if (token.length < 4 || !token.startsWith('{%') || !token.endsWith('%}')) return null;
  const inner = token.slice(0, -2);
  const tag = tagNameAt(inner, 2);
  if (!tag) return null;
  const rest = inner.slice(tag.end).trimStart();
  return { name: tag.name, markup: (rest.endsWith('-') ? rest.slice(0, -1) : rest).trimEnd() };
};

/**
 * Liquid::Raw's test for the token that ends it (`/^(.*)\{%-?\s*(\w+)\s*(.*)?-?%\}$/m`):
 * the last tag opener in `token` followed by a name, the text before it and the name.
 */
const readFullToken = (token: string): { before: string; name: string } | null => {
  if (!token.endsWith('%}')) return null;
  for (
    let at = token.lastIndexOf('{%');
    at !== -1;
    at = at === 0 ? -1 : token.lastIndexOf('{%', at - 1)
  ) {
    const tag = tagNameAt(token, at + 2);
    if (tag) return { before: token.slice(0, at), name: tag.name };
  }
  return null;
};

export const RAN = '\u2620LIQUID RAN\u2620';

export const runLiquid = (
  source: string,
  linkTags: Record<string, (arg: string) => string> = {}
) => {
  const tokens = tokenize(source);
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (!token.startsWith('{{') && !token.startsWith('{%')) {
      out.push(token);
      continue;
    }
    const tag = readTag(token);
    if (tag && tag.name === 'raw') {
      const body: string[] = [];
      for (i += 1; i < tokens.length; i += 1) {
        const inner = readFullToken(tokens[i]);
        if (inner && inner.name === 'endraw') {
          body.push(inner.before);
          break;
        }
        body.push(tokens[i]);
      }
      if (i >= tokens.length) throw new Error('Liquid syntax error: raw tag was never closed');
      out.push(body.join(''));
      continue;
    }
    const literal = /^\{\{-?\s*"([^"]*)"\s*-?\}\}$/.exec(token);
    if (literal) {
      out.push(literal[1]);
      continue;
    }
    if (tag && linkTags[tag.name]) {
      out.push(linkTags[tag.name](tag.markup));
      continue;
    }
    out.push(RAN);
  }
  return out.join('');
};

const kramdownLike = new MarkdownIt({ html: true, linkify: false });

export interface BuiltPage {
  html: string;
  elements: Element[];
  text: string;
}

const walk = (nodes: ChildNode[], elements: Element[], text: string[]) => {
  for (const node of nodes) {
    if (node.type === 'text') text.push(node.data ?? '');
    if (node.children && node.type !== 'comment') {
      if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
        elements.push(node as Element);
      }
      walk(node.children, elements, text);
    }
  }
};

/** The page a site builds from `markdown` (a whole post or one field). */
export const buildPage = (
  markdown: string,
  linkTags: Record<string, (arg: string) => string> = {}
): BuiltPage => {
  const html = kramdownLike.render(runLiquid(markdown, linkTags));
  return readHtml(html);
};

/** An HTML fragment as a browser's parser reads it. */
export const readHtml = (html: string): BuiltPage => {
  const document = parseDocument(html, { decodeEntities: true });
  const elements: Element[] = [];
  const text: string[] = [];
  walk(document.children as unknown as ChildNode[], elements, text);
  return { html, elements, text: text.join('') };
};

const SAFE_ELEMENTS = new Set(
  (
    'p a em strong code pre br hr h1 h2 h3 h4 h5 h6 ul ol li blockquote del s ' +
    'table thead tbody tr th td img article header section'
  ).split(' ')
);
const SAFE_ATTRIBUTES = new Set(['href', 'title', 'start', 'src', 'alt', 'class', 'style', 'rel']);

/** Everything in a built page that could run script or fetch a non-http(s) URL, described. */
export const executableMarkup = (page: BuiltPage): string[] => {
  const found: string[] = [];
  for (const element of page.elements) {
    if (!SAFE_ELEMENTS.has(element.name)) found.push(`<${element.name}>`);
    for (const [name, value] of Object.entries(element.attribs)) {
      if (!SAFE_ATTRIBUTES.has(name)) found.push(`${element.name}[${name}]`);
      if (name === 'class' && !/^language-[\w-]*$/.test(value)) found.push(`class="${value}"`);
      if (name === 'style' && !/^text-align:(?:left|right|center)$/.test(value))
        found.push(`style`);
      if (name === 'href' || name === 'src') {
        const url = new URL(value, 'https://site.example/');
        if (!['http:', 'https:', 'mailto:'].includes(url.protocol))
          found.push(`${name}="${value}"`);
      }
    }
  }
  return found;
};
