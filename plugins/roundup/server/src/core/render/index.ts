export { benchmarkRender, type RenderTimings } from './benchmark';
export { escapeHtml, indent, markdownText, markdownUrl } from './escape';
export { htmlEntry, markdownToHtml } from './html';
export { markdownEntry, yamlFrontMatter } from './markdown';
export {
  createRenderer,
  renderHtml,
  renderMarkdown,
  UNCATEGORISED_SECTION,
  type RoundupRenderer,
  type TemplateSource,
} from './renderer';
export { safeHref, sanitizeHtml } from './sanitize';
export { DEFAULT_HTML_TEMPLATE, DEFAULT_MARKDOWN_TEMPLATE } from './templates';
