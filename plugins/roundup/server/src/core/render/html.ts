import MarkdownIt from 'markdown-it';
import { Parser } from 'htmlparser2';

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false }).disable(['image']);

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

/** Text with nothing Markdown would turn into markup: it becomes one paragraph as it is. */
const PLAIN = /^[^\\`*_[\]<>&!#|~\n\r=+-]*$/;

/**
 * Markdown (commentary, intro, outro, excerpt) as HTML, raw HTML disabled so
 * that any tag in the text comes out as text. Plain sentences skip the parser.
 */
export const markdownToHtml = (source: string | null | undefined): string => {
  if (!source) return '';
  const text = source.trim();
  if (PLAIN.test(text) && !/^\d+[.)]\s/.test(text)) return `<p>${escapeHtml(text)}</p>\n`;
  return markdown.render(text);
};

const ALLOWED_TAGS = new Set([
  'article', 'header', 'section', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'ul', 'ol', 'li',
  'a', 'em', 'strong', 'code', 'pre', 'blockquote', 'br', 'hr', 'del', 's',
]);
const VOID_TAGS = new Set(['br', 'hr']);
/** Elements dropped with everything inside them, not just their tags. */
const DROPPED_WITH_CONTENT = new Set([
  'script', 'style', 'iframe', 'object', 'embed', 'svg', 'math', 'template', 'noscript', 'textarea',
  'title', 'select', 'frame', 'frameset', 'noembed', 'noframes', 'xmp', 'plaintext', 'applet', 'head',
]);
const SAFE_SCHEMES = /^(https?|mailto):/i;
const INVISIBLE = /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g;

/** The href of a link if it is an absolute http, https or mailto URL, else null. */
export const safeHref = (href: string): string | null => {
  const compact = href.replace(INVISIBLE, '');
  if (!SAFE_SCHEMES.test(compact)) return null;
  return href.trim();
};

/**
 * The last line of defence: rebuilds HTML from a real parser's view of it,
 * keeping only the tags above, only `href` (http, https, mailto) and `title`
 * on links, and no other attribute at all: no event handlers, no styles, no
 * classes. Text is re-escaped; unclosed tags are closed.
 */
export const sanitizeHtml = (html: string): string => {
  const out: string[] = [];
  // Open allowed elements; a link whose href was refused is kept as "a!" and closes silently.
  const open: string[] = [];
  let dropping = 0;
  const close = (at: number) => {
    while (open.length > at) {
      const tag = open.pop()!;
      if (tag !== 'a!') out.push(`</${tag}>`);
    }
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (dropping > 0) {
          if (!VOID_TAGS.has(name)) dropping += 1;
          return;
        }
        if (DROPPED_WITH_CONTENT.has(name)) {
          dropping = 1;
          return;
        }
        if (!ALLOWED_TAGS.has(name)) return;
        if (name === 'a') {
          const href = attributes.href === undefined ? null : safeHref(attributes.href);
          if (!href) {
            open.push('a!');
            return;
          }
          const title = attributes.title ? ` title="${escapeHtml(attributes.title)}"` : '';
          out.push(`<a href="${escapeHtml(href)}"${title} rel="noopener noreferrer">`);
        } else {
          out.push(`<${name}>`);
        }
        if (!VOID_TAGS.has(name)) open.push(name);
      },
      ontext(text) {
        if (dropping === 0) out.push(escapeHtml(text));
      },
      onclosetag(name) {
        if (dropping > 0) {
          if (!VOID_TAGS.has(name)) dropping -= 1;
          return;
        }
        if (!ALLOWED_TAGS.has(name) || VOID_TAGS.has(name)) return;
        for (let at = open.length - 1; at >= 0; at -= 1) {
          if (open[at] === name || (name === 'a' && open[at] === 'a!')) {
            close(at);
            return;
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: false }
  );
  parser.write(html);
  parser.end();
  close(0);
  return out.join('');
};
