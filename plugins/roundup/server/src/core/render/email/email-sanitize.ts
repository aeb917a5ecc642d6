import { Parser } from 'htmlparser2';
import { escapeHtml } from '../escape';
import { ALLOWED_ELEMENTS } from '../sanitize';
import { absoluteHref } from './links';

/** What an email document may hold besides the fragment's elements: its shell and layout tables. */
const EMAIL_ELEMENTS = new Set([
  ...ALLOWED_ELEMENTS,
  ...'html head meta title style body table tbody thead tfoot tr td th div span center'.split(' '),
]);
const VOID_ELEMENTS = new Set(['br', 'hr', 'meta']);
/** Elements dropped with everything inside them, not just their tags. */
const DROPPED_WITH_CONTENT = new Set(
  (
    'script iframe object embed applet svg math template noscript noembed noframes frame ' +
    'frameset textarea select xmp plaintext'
  ).split(' ')
);
/** Elements whose content is kept as text (`title`) or as a checked stylesheet (`style`). */
const RAW_TEXT = new Set(['title', 'style']);

const NUMBER = /^\d{1,4}%?$/;
const COLOUR = /^#[\da-f]{3,8}$/i;
const TABLE_ATTRIBUTES: Record<string, (value: string) => boolean> = {
  width: (value) => NUMBER.test(value),
  height: (value) => NUMBER.test(value),
  align: (value) => ['left', 'center', 'right'].includes(value.toLowerCase()),
  valign: (value) => ['top', 'middle', 'bottom'].includes(value.toLowerCase()),
  cellpadding: (value) => NUMBER.test(value),
  cellspacing: (value) => NUMBER.test(value),
  border: (value) => NUMBER.test(value),
  bgcolor: (value) => COLOUR.test(value),
  role: (value) => value === 'presentation',
};
const META_NAMES = new Set([
  'viewport',
  'color-scheme',
  'supported-color-schemes',
  'x-apple-disable-message-reformatting',
]);
const LANGUAGE = /^[a-z]{2,3}(?:-[a-z\d]{1,8}){0,3}$/i;

/**
 * CSS that can only set how things look: nothing that loads a resource
 * (`url(`, `@import`), runs script in old clients (`expression(`, `behavior`,
 * `-moz-binding`, `javascript:`) or hides any of that behind an escape or a comment.
 */
export const safeCss = (css: string): boolean => {
  const lower = css.toLowerCase();
  return ![
    'url(',
    '@import',
    'expression',
    'behavior',
    'binding',
    'javascript:',
    '\\',
    '/*',
    '<',
  ].some((word) => lower.includes(word));
};

const attribute = (name: string, value: string) => ` ${name}="${escapeHtml(value)}"`;

const keptAttributes = (name: string, attributes: Record<string, string>, siteUrl: string) => {
  const out: string[] = [];
  for (const [key, value] of Object.entries(attributes)) {
    if (key === 'style' && safeCss(value)) out.push(attribute(key, value));
    else if (key === 'class' && /^[\w -]{1,200}$/.test(value)) out.push(attribute(key, value));
    else if (key === 'title' && name === 'a') out.push(attribute(key, value));
    else if ((key === 'lang' || key === 'xml:lang') && name === 'html' && LANGUAGE.test(value))
      out.push(attribute('lang', value));
    else if (key === 'dir' && ['ltr', 'rtl', 'auto'].includes(value))
      out.push(attribute(key, value));
    else if (key === 'aria-hidden' && value === 'true') out.push(attribute(key, value));
    else if (key in TABLE_ATTRIBUTES && TABLE_ATTRIBUTES[key](value))
      out.push(attribute(key, value));
    else if (key === 'start' && name === 'ol' && /^\d{1,9}$/.test(value))
      out.push(attribute(key, value));
  }
  if (name === 'meta') {
    if (attributes.charset) return ' charset="utf-8"';
    if (!META_NAMES.has(attributes.name ?? '')) return null;
    return `${attribute('name', attributes.name)}${attribute('content', attributes.content ?? '')}`;
  }
  if (name === 'a') {
    const href = attributes.href === undefined ? null : absoluteHref(attributes.href, siteUrl);
    if (!href) return null;
    out.unshift(attribute('href', href));
    out.push(' target="_blank" rel="noopener noreferrer"');
  }
  return out.join('');
};

/**
 * An email document rebuilt from a real parser's reading of it, like the HTML
 * output's fragment: only the elements above, no event handler or unknown
 * attribute, inline styles and stylesheets that can only style, every link
 * absolute (resolved against `siteUrl`, or dropped to its text), every text
 * re-escaped, every element closed. No comment, doctype or processing
 * instruction of the input survives; the document gets its own doctype.
 */
export const sanitizeEmail = (html: string, siteUrl: string): string => {
  const out: string[] = [];
  const closings: string[] = [];
  let droppedDepth = 0;
  let rawText: string | null = null;
  let rawChunks: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (droppedDepth > 0 || DROPPED_WITH_CONTENT.has(name) || rawText !== null) {
          droppedDepth += 1;
          return;
        }
        const kept = EMAIL_ELEMENTS.has(name) ? keptAttributes(name, attributes, siteUrl) : null;
        // A link that goes nowhere safe, or an unknown element, keeps its text but loses its tag.
        const tag = kept === null ? '' : `<${name}${kept}>`;
        out.push(tag);
        closings.push(tag && !VOID_ELEMENTS.has(name) ? `</${name}>` : '');
        if (tag && RAW_TEXT.has(name)) {
          rawText = name;
          rawChunks = [];
        }
      },
      ontext(text) {
        if (droppedDepth > 0) return;
        if (rawText !== null) rawChunks.push(text);
        else out.push(escapeHtml(text));
      },
      onclosetag() {
        if (droppedDepth > 0) {
          droppedDepth -= 1;
          return;
        }
        if (rawText !== null) {
          const content = rawChunks.join('');
          if (rawText === 'title') out.push(escapeHtml(content));
          else if (safeCss(content)) out.push(content);
          rawText = null;
        }
        out.push(closings.pop() ?? '');
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }
  );
  parser.write(html);
  parser.end();
  return `<!DOCTYPE html>\n${out.join('').trimStart()}`;
};
