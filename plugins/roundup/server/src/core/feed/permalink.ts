import type { Roundup } from '../model';

const TOKEN = /:(year|month|day|slug)\b/g;

/**
 * A roundup's absolute address on the site from a pattern such as
 * /:year/:month/:day/:slug/, resolved below the site URL's own path.
 */
export const roundupPermalink = (
  pattern: string,
  siteUrl: string,
  roundup: Pick<Roundup, 'date' | 'slug'>
): string => {
  const date = /^(\d{4})-(\d{2})-(\d{2})/.exec(roundup.date);
  if (!date) throw new Error(`roundup "${roundup.slug}" has no YYYY-MM-DD date: ${roundup.date}`);
  const values: Record<string, string> = {
    year: date[1],
    month: date[2],
    day: date[3],
    slug: encodeURIComponent(roundup.slug),
  };
  const path = pattern.replace(TOKEN, (_, token: string) => values[token]);
  const base = siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`;
  // Relative to the base, so a site at https://example.com/blog keeps its /blog.
  return new URL(path.replace(/^\/+/, ''), base).toString();
};
