import path from 'node:path';

/** A real large newsletter's structure: nested sections, a linked heading, long URLs, link-less items. */
export const NESTED_SECTIONS_POST = path.join(
  __dirname,
  '..',
  'api',
  'posts',
  '2026-04-30-nested-sections.md'
);

/** Its headings as a reader sees them, level and text, in order. */
export const NESTED_SECTIONS_HEADINGS = [
  'h2 Updates from the Community',
  'h3 Official',
  'h3 Approved proposals',
  'h3 Tooling Updates',
  'h4 Editor Plugins',
  'h2 Videos',
];
