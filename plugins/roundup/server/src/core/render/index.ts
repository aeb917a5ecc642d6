export { benchmarkRender, type RenderTimings } from './benchmark';
export { escapeHtml, indent, markdownDestination, markdownText, markdownUrl } from './escape';
export { inertShortcodes, renderHugo, type HugoOptions } from './hugo';
export { htmlEntry, markdownReferences, markdownToHtml, type HtmlContext } from './html';
export {
  DEFAULT_LIQUID_TAGS,
  liquidConstructs,
  resolveLiquidLinks,
  resolveLinkTag,
  type SiteLinks,
} from './liquid';
export {
  inertLiquid,
  INLINE,
  readInertLiquid,
  type InertLiquid,
  type LiquidPosition,
} from './liquid-inert';
export {
  markdownEntry,
  markdownField,
  yamlFrontMatter,
  type MarkdownField,
  type MarkdownOutputOptions,
} from './markdown';
export { unsafeLinkTarget } from './link-target';
export {
  safeMarkdown,
  type MarkdownRemoval,
  type RawHtmlMode,
  type SafeMarkdown,
} from './markdown-safety';
export {
  createRenderer,
  renderHtml,
  renderMarkdown,
  UNCATEGORISED_SECTION,
  type RendererOptions,
  type RoundupRenderer,
  type TemplateSource,
} from './renderer';
export { safeHref, sanitizeHtml } from './sanitize';
export { markdownSafetyWarnings, type MarkdownSafetyWarning } from './warnings';
export { DEFAULT_HTML_TEMPLATE, DEFAULT_MARKDOWN_TEMPLATE } from './templates';
export {
  createNewsletterRenderer,
  type NewsletterRenderer,
  type NewsletterRendererOptions,
} from './email';
