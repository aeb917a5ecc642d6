import { Parser } from 'htmlparser2';
import { escapeHtml } from './escape';

export const ALLOWED_ELEMENTS = new Set(
  (
    'article header section h1 h2 h3 h4 h5 h6 p ul ol li a em strong code pre blockquote br hr ' +
    'del s table thead tbody tr th td'
  ).split(' ')
);
const VOID_ELEMENTS = new Set(['br', 'hr']);
/** Elements dropped with everything inside them, not just their tags. */
const DROPPED_WITH_CONTENT = new Set(
  (
    'script style iframe object embed applet svg math template noscript noembed noframes frame ' +
    'frameset textarea select title head xmp plaintext'
  ).split(' ')
);
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * The href to write for a link, or null to drop the link and keep its text: only
 * absolute http, https and mailto URLs, as the browser's own URL parser reads them.
 */
export const safeHref = (href: string): string | null => {
  try {
    const url = new URL(href);
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
};

const openTag = (name: string, attributes: Record<string, string>): string => {
  if (name === 'ol' && /^\d{1,9}$/.test(attributes.start ?? '')) {
    return `<ol start="${attributes.start}">`;
  }
  if (name !== 'a') return `<${name}>`;
  const href = attributes.href === undefined ? null : safeHref(attributes.href);
  if (!href) return '';
  const title = attributes.title ? ` title="${escapeHtml(attributes.title)}"` : '';
  return `<a href="${escapeHtml(href)}"${title} rel="noopener noreferrer">`;
};

/**
 * HTML rebuilt from a real parser's reading of it: only the elements above, no
 * attribute but a link's `href` (http, https, mailto) and `title` and a list's
 * `start`, every text re-escaped, every element closed. What the parser cannot
 * make sense of ends up as text or not at all.
 */
export const sanitizeHtml = (html: string): string => {
  const out: string[] = [];
  // The parser reports opening and closing tags balanced and nested; this holds each one's closing.
  const closings: string[] = [];
  let droppedDepth = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (droppedDepth > 0 || DROPPED_WITH_CONTENT.has(name)) {
          droppedDepth += 1;
          return;
        }
        const tag = ALLOWED_ELEMENTS.has(name) ? openTag(name, attributes) : '';
        out.push(tag);
        closings.push(tag && !VOID_ELEMENTS.has(name) ? `</${name}>` : '');
      },
      ontext(text) {
        if (droppedDepth === 0) out.push(escapeHtml(text));
      },
      onclosetag() {
        if (droppedDepth > 0) droppedDepth -= 1;
        else out.push(closings.pop() ?? '');
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }
  );
  parser.write(html);
  parser.end();
  return out.join('');
};
