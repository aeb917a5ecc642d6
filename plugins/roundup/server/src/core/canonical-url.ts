import { createHash } from 'node:crypto';
import { URL_LENGTH } from './limits';

/**
 * Query parameters that only tell the linked site where a click came from;
 * matched case-insensitively, `utm_*` by prefix.
 */
export const TRACKING_PARAMETERS: readonly string[] = [
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'igshid',
  'yclid',
  'srsltid',
  'mc_cid',
  'mc_eid',
  '_hsenc',
  '_hsmi',
  '__hstc',
  '__hssc',
  '__hsfp',
  'hsctatracking',
  'mkt_tok',
  'vero_id',
  'vero_conv',
  'oly_anon_id',
  'oly_enc_id',
  '_ga',
  '_gl',
  'ref',
  'ref_src',
  'ref_url',
];

const TRACKING = new Set(TRACKING_PARAMETERS);

const isTrackingParameter = (pair: string): boolean => {
  const rawName = pair.split('=', 1)[0];
  let name: string;
  try {
    name = decodeURIComponent(rawName.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    return false;
  }
  return name.startsWith('utm_') || TRACKING.has(name);
};

/** `text` without its trailing `/`s; a loop, since `/\/+$/` retries from every slash of a long run. */
const withoutTrailingSlashes = (text: string): string => {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x2f) end -= 1;
  return text.slice(0, end);
};

const upperCaseEscapes = (text: string) =>
  text.replace(/%[0-9a-f]{2}/gi, (escape) => escape.toUpperCase());

/**
 * The form of a link's URL used to spot the same link saved twice: scheme and
 * host lower-cased, default port, fragment, tracking parameters and trailing
 * slash dropped; other parameters kept in their order and path case kept.
 * null when `url` is not an absolute http(s) URL.
 */
export const canonicalUrl = (url: string): string | null => {
  if (typeof url !== 'string') return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;

  // Filtering the raw query, not URLSearchParams, keeps each kept parameter's own encoding.
  const query = parsed.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !isTrackingParameter(pair))
    .join('&');
  const path = withoutTrailingSlashes(parsed.pathname);
  const credentials = parsed.username
    ? `${parsed.username}${parsed.password ? `:${parsed.password}` : ''}@`
    : '';

  return upperCaseEscapes(
    `${parsed.protocol}//${credentials}${parsed.host}${path}${query ? `?${query}` : ''}`
  );
};

/** The length of `canonicalHash`'s answer: sha256 in hex. */
export const CANONICAL_HASH_LENGTH = 64;

/**
 * What the duplicate lookup's index holds for a canonical URL (a text column
 * cannot be indexed in full on MySQL); lookups compare the full URL as well.
 */
export const canonicalHash = (canonical: string): string =>
  createHash('sha256').update(canonical).digest('hex');

/** Why a URL's canonical form is too long to store, or null: escaping and punycode can lengthen a URL. */
export const canonicalLengthProblem = (canonical: string): string | null =>
  canonical.length > URL_LENGTH
    ? `must be at most ${URL_LENGTH} characters once written out in full (it has ${canonical.length})`
    : null;
