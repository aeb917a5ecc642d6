import juice from 'juice';
import { sanitizeEmail } from './email-sanitize';

const INLINING: juice.Options = {
  // Rules go into style attributes; only @media rules stay, in a <style> the layout does not need.
  removeStyleTags: true,
  preserveMediaQueries: true,
  preserveImportant: true,
  preserveFontFaces: false,
  preserveKeyFrames: false,
  preservePseudos: false,
  insertPreservedExtraCss: true,
  // Widths stay CSS (max-width: 600px): a width attribute would not shrink to a phone's screen.
  applyWidthAttributes: false,
  applyHeightAttributes: false,
  applyAttributesTableElements: false,
};

/**
 * A rendered email template made ready for mail clients: its stylesheet
 * written into each element's style attribute (juice), then rebuilt through
 * the email allowlist, every link made absolute against `siteUrl`.
 */
export const emailDocument = (html: string, siteUrl: string): string =>
  `${sanitizeEmail(juice(html, INLINING), siteUrl).trim()}\n`;
