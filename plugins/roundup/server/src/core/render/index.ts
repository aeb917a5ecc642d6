export { escapeHtml, markdownToHtml, safeHref, sanitizeHtml } from './html';
export { frontMatter, indent, markdownText, markdownUrl } from './markdown-text';
export {
  createRenderer,
  renderHtml,
  renderMarkdown,
  UNCATEGORISED_SECTION,
  type RoundupRenderer,
  type TemplateSource,
} from './renderer';
export { DEFAULT_HTML_TEMPLATE, DEFAULT_MARKDOWN_TEMPLATE } from './templates';
