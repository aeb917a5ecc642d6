export { emailDocument } from './document';
export { safeCss, sanitizeEmail } from './email-sanitize';
export { absoluteHref } from './links';
export {
  createNewsletterRenderer,
  type NewsletterRenderer,
  type NewsletterRendererOptions,
} from './renderer';
export { DEFAULT_EMAIL_TEMPLATE, DEFAULT_TEXT_TEMPLATE } from './templates';
export { markdownToText, plainLine, textEntry, textHeading, TextLinks } from './text';
