import { safeHref } from '../sanitize';

/**
 * The absolute URL a link in an email points to, or null to keep only its text: a
 * relative link resolved against the site (`feed.siteUrl`), then only http, https
 * and mailto, as the HTML output allows them. A mail client has no page to resolve
 * a relative link against.
 */
export const absoluteHref = (href: string, siteUrl: string | null): string | null => {
  try {
    return safeHref(siteUrl ? new URL(href, siteUrl).href : href);
  } catch {
    return null;
  }
};
