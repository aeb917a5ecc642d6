/**
 * The Wayback Machine's copy of `url` nearest to `date` (YYYY-MM-DD, or a
 * Date): the archive redirects a dated address to the closest snapshot.
 */
export const waybackUrl = (url: string, date: string | Date) => {
  const day = typeof date === 'string' ? date.slice(0, 10) : date.toISOString().slice(0, 10);
  return `https://web.archive.org/web/${day.replace(/-/g, '')}/${url}`;
};

/** Whether `url` already is a Wayback Machine address (nothing to check or archive again). */
export const isWaybackUrl = (url: string) => url.startsWith('https://web.archive.org/web/');
