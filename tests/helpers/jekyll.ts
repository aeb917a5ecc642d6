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

/** Ruby Liquid's Tokenizer: `{%…%}`, `{{…}` / `{{…}}`, or a lone `{{` / `{%`. */
const TOKEN = /(\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}?|\{\{|\{%)/;
/** Liquid::Raw's test for the token that ends it. */
const FULL_TOKEN = /^([\s\S]*)\{%-?\s*(\w+)\s*([\s\S]*)?-?%\}$/;

export const RAN = '\u2620LIQUID RAN\u2620';

export const runLiquid = (source: string, linkTags: Record<string, (arg: string) => string> = {}) => {
  const tokens = source.split(TOKEN).filter((token) => token !== '');
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (!token.startsWith('{{') && !token.startsWith('{%')) {
      out.push(token);
      continue;
    }
    const tag = /^\{%-?\s*(\w+)\s*([\s\S]*?)\s*-?%\}$/.exec(token);
    if (tag && tag[1] === 'raw') {
      const body: string[] = [];
      for (i += 1; i < tokens.length; i += 1) {
        const inner = FULL_TOKEN.exec(tokens[i]);
        if (inner && inner[2] === 'endraw') {
          body.push(inner[1]);
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
    if (tag && linkTags[tag[1]]) {
      out.push(linkTags[tag[1]](tag[2]));
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
      if (name === 'style' && !/^text-align:(left|right|center)$/.test(value)) found.push(`style`);
      if (name === 'href' || name === 'src') {
        const url = new URL(value, 'https://site.example/');
        if (!['http:', 'https:', 'mailto:'].includes(url.protocol)) found.push(`${name}="${value}"`);
      }
    }
  }
  return found;
};
