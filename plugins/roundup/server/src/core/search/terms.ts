import { SEARCH_MAX_TERMS } from '../limits';

/**
 * A word as search sees it: a run of letters, digits and combining marks. Everything
 * else (quotes, `*`, `-`, `:`, parentheses, emoji) separates words, so no character a
 * reader types reaches a search engine as its own syntax.
 */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/**
 * Words too common to find anything by, left out of every query on every database:
 * InnoDB's default full-text stopwords, so MariaDB finds what SQLite and PostgreSQL find.
 */
export const STOPWORDS = new Set(
  (
    'a about an are as at be by com de en for from how i in is it la of on or that the ' +
    'this to was what when where who will with und www'
  ).split(' ')
);

/** The words of `text`, in order, each with where it starts. */
export const wordsOf = (text: string): { word: string; index: number }[] =>
  [...text.matchAll(WORD)].map((match) => ({ word: match[0], index: match.index ?? 0 }));

/**
 * The words a query `q` searches for: lower-cased, without stopwords and words
 * shorter than `minLength` (MariaDB's index holds no word under 3 letters),
 * without repeats, at most SEARCH_MAX_TERMS. Empty when nothing searchable is left.
 */
export const searchTerms = (q: string, { minLength = 1 }: { minLength?: number } = {}) => {
  const terms: string[] = [];
  for (const { word } of wordsOf(q.normalize('NFC').toLowerCase())) {
    if (terms.length === SEARCH_MAX_TERMS) break;
    if ([...word].length < minLength || STOPWORDS.has(word) || terms.includes(word)) continue;
    terms.push(word);
  }
  return terms;
};

const SUFFIXES = ['ies', 'ing', 'es', 'ed', 's'];

/**
 * What an English word begins with whatever its ending ("queues", "queued" →
 * "queu"): the prefix MariaDB, which has no stemmer, searches for, and what
 * the snippet marks. Never shorter than three letters.
 */
export const stemPrefix = (term: string): string => {
  for (const suffix of SUFFIXES) {
    if (term.endsWith(suffix) && term.length - suffix.length >= 3) {
      return term.slice(0, -suffix.length);
    }
  }
  return term;
};

/** Whether the word `word` of a text is one the query's `terms` looks for. */
export const matchesTerm = (word: string, terms: string[]): boolean => {
  const lower = word.toLowerCase();
  return terms.some((term) => lower === term || lower.startsWith(stemPrefix(term)));
};

/** The words of a URL's host ("blog.example.com" → "blog example com"), or '' for no URL. */
export const hostWords = (url: string | null | undefined): string => {
  if (!url) return '';
  try {
    return new URL(url).hostname.split('.').filter(Boolean).join(' ');
  } catch {
    return '';
  }
};
