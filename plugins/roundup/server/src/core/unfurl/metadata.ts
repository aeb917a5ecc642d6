import { Parser } from 'htmlparser2';
import type { PageMetadata } from '../../../../shared/contracts/unfurl';
import { URL_LENGTH } from '../limits';

/** What a page says about itself, each field trimmed to one line and capped. */
export type { PageMetadata };

export const FIELD_LIMITS = { title: 500, author: 255, description: 2000, siteName: 255 } as const;

/** Collapses whitespace and caps `text` at `max` characters; null when nothing is left. */
export const cleanText = (text: unknown, max: number): string | null => {
  if (typeof text !== 'string') return null;
  const clean = text.replace(/\s+/g, ' ').trim();
  if (!clean) return null;
  return clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean;
};

/** `href` resolved against `base`, when it is an absolute http(s) URL. */
export const absoluteHttpUrl = (href: string | undefined | null, base: string): string | null => {
  if (!href || !href.trim()) return null;
  try {
    const url = new URL(href.trim(), base);
    // A page's own links are no link's URL beyond the length a link may have.
    if (url.href.length > URL_LENGTH) return null;
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
};

const looksLikeUrl = (text: string) => /^https?:\/\//i.test(text);

type Json = unknown;

/** The name(s) of a JSON-LD `author` (or `publisher`): a string, an object with `name`, or a list of either. */
export const personNames = (value: Json): string | null => {
  const names: string[] = [];
  const visit = (item: Json) => {
    if (typeof item === 'string') {
      if (!looksLikeUrl(item.trim())) names.push(item);
    } else if (Array.isArray(item)) item.forEach(visit);
    else if (item && typeof item === 'object') {
      const name = (item as Record<string, Json>).name;
      if (typeof name === 'string') names.push(name);
      else if (Array.isArray(name))
        name.filter((n) => typeof n === 'string').forEach((n) => names.push(n as string));
    }
  };
  visit(value);
  const unique = [
    ...new Set(names.map((name) => name.replace(/\s+/g, ' ').trim()).filter(Boolean)),
  ];
  return unique.length ? unique.join(', ') : null;
};

/** Every object of a JSON-LD document, `@graph` and nested lists flattened (one level of nesting is what sites use). */
const jsonLdNodes = (document: Json): Record<string, Json>[] => {
  const nodes: Record<string, Json>[] = [];
  const visit = (item: Json, depth: number) => {
    if (depth > 3 || !item || typeof item !== 'object') return;
    if (Array.isArray(item)) {
      item.forEach((child) => visit(child, depth + 1));
      return;
    }
    const node = item as Record<string, Json>;
    nodes.push(node);
    if (node['@graph']) visit(node['@graph'], depth + 1);
  };
  visit(document, 0);
  return nodes;
};

const ARTICLE_TYPES =
  /article|posting|report|blog|webpage|video|creativework|recipe|review|book|podcast/i;

const nodeTypes = (node: Record<string, Json>): string[] => {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
};

/** Headline, author, description and publisher of the page's main JSON-LD node. */
export const jsonLdFacts = (documents: Json[]) => {
  const nodes = documents.flatMap(jsonLdNodes);
  // The node describing the page: an article-like type with a headline or author first.
  const ranked = [
    ...nodes.filter(
      (node) => nodeTypes(node).some((t) => ARTICLE_TYPES.test(t)) && (node.headline || node.author)
    ),
    ...nodes.filter((node) => node.headline || node.author),
  ];
  const main = ranked[0];
  if (!main) return { headline: null, author: null, description: null, publisher: null };
  return {
    headline: typeof main.headline === 'string' ? main.headline : null,
    author: personNames(main.author ?? main.creator),
    description: typeof main.description === 'string' ? main.description : null,
    publisher: personNames(main.publisher),
  };
};

/** Everything the head (and JSON-LD in the body) of an HTML page says, before choosing. */
export interface PageTags {
  title: string | null;
  meta: Map<string, string>;
  canonical: string | null;
  oembed: string | null;
  jsonLd: Json[];
}

/** Reads the tags that describe a page, in one pass of htmlparser2 (which tolerates any markup). */
export const readPageTags = (html: string): PageTags => {
  const tags: PageTags = {
    title: null,
    meta: new Map(),
    canonical: null,
    oembed: null,
    jsonLd: [],
  };
  let inTitle = false;
  let inJsonLd = false;
  let inSvg = 0;
  let text = '';
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'svg') inSvg += 1;
        if (name === 'title' && inSvg === 0 && tags.title === null) {
          inTitle = true;
          text = '';
        } else if (name === 'meta') {
          const key = (attributes.property ?? attributes.name ?? attributes.itemprop ?? '')
            .trim()
            .toLowerCase();
          const content = attributes.content;
          // The first declaration wins, as the platforms that read these tags do.
          if (key && typeof content === 'string' && !tags.meta.has(key))
            tags.meta.set(key, content);
        } else if (name === 'link') {
          const rel = (attributes.rel ?? '').toLowerCase().split(/\s+/);
          const type = (attributes.type ?? '').toLowerCase();
          if (rel.includes('canonical') && tags.canonical === null)
            tags.canonical = attributes.href ?? null;
          if (
            rel.includes('alternate') &&
            type === 'application/json+oembed' &&
            tags.oembed === null
          ) {
            tags.oembed = attributes.href ?? null;
          }
        } else if (
          name === 'script' &&
          (attributes.type ?? '').trim().toLowerCase() === 'application/ld+json'
        ) {
          inJsonLd = true;
          text = '';
        }
      },
      ontext(chunk) {
        if (inTitle || inJsonLd) text += chunk;
      },
      onclosetag(name) {
        if (name === 'svg') inSvg = Math.max(0, inSvg - 1);
        if (name === 'title' && inTitle) {
          inTitle = false;
          tags.title = text;
        } else if (name === 'script' && inJsonLd) {
          inJsonLd = false;
          try {
            tags.jsonLd.push(JSON.parse(text));
          } catch {
            // A broken JSON-LD block says nothing; the other tags still count.
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }
  );
  parser.end(html);
  return tags;
};

const first = (...values: (string | null | undefined)[]) =>
  values.find((v) => typeof v === 'string' && v.trim()) ?? null;

/**
 * A page's metadata from its HTML. Title: `og:title`, `twitter:title`,
 * `<title>`, JSON-LD `headline`. Author: JSON-LD `author` (object, list or
 * string), `<meta name=author>`, `article:author` (when it is a name, not a
 * profile URL). Description: `og:`, `twitter:`, `<meta name=description>`,
 * JSON-LD. Site: `og:site_name`, JSON-LD `publisher`. Relative URLs resolve
 * against `pageUrl`, the address the page was finally fetched from.
 */
export const extractMetadata = (html: string, pageUrl: string): PageMetadata => {
  const tags = readPageTags(html);
  const meta = (key: string) => tags.meta.get(key) ?? null;
  const ld = jsonLdFacts(tags.jsonLd);
  const articleAuthor = meta('article:author');
  return {
    title: cleanText(
      first(meta('og:title'), meta('twitter:title'), tags.title, ld.headline),
      FIELD_LIMITS.title
    ),
    author: cleanText(
      first(
        ld.author,
        meta('author'),
        articleAuthor && !looksLikeUrl(articleAuthor.trim()) ? articleAuthor : null
      ),
      FIELD_LIMITS.author
    ),
    description: cleanText(
      first(
        meta('og:description'),
        meta('twitter:description'),
        meta('description'),
        ld.description
      ),
      FIELD_LIMITS.description
    ),
    siteName: cleanText(
      first(meta('og:site_name'), ld.publisher, meta('application-name')),
      FIELD_LIMITS.siteName
    ),
    canonicalUrl:
      absoluteHttpUrl(tags.canonical, pageUrl) ?? absoluteHttpUrl(meta('og:url'), pageUrl),
    oembedUrl: absoluteHttpUrl(tags.oembed, pageUrl),
  };
};

/** What an oEmbed JSON response adds: its title, `author_name` and `provider_name`. */
export const oembedFacts = (json: Json): Pick<PageMetadata, 'title' | 'author' | 'siteName'> => {
  const data =
    json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, Json>) : {};
  return {
    title: cleanText(data.title, FIELD_LIMITS.title),
    author: cleanText(data.author_name, FIELD_LIMITS.author),
    siteName: cleanText(data.provider_name, FIELD_LIMITS.siteName),
  };
};
