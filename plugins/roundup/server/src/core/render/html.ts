import MarkdownIt from 'markdown-it';
import type { RoundupEntry } from '../model';
import { escapeHtml, nonBlank } from './escape';

// Raw HTML off: a tag typed in any field comes out as text. Images off: no tracking pixels.
const markdownIt = new MarkdownIt({ html: false, linkify: false, typographer: false }).disable(
  'image'
);

/** Markdown (commentary, intro, outro, excerpt) as HTML, raw HTML disabled. */
export const markdownToHtml = (source: string | null | undefined): string => {
  const text = nonBlank(source);
  return text ? markdownIt.render(text).trimEnd() : '';
};

/** One entry as a list item: the linked title, " by Author", then the commentary. */
export const htmlEntry = ({ title, url, author, description }: RoundupEntry): string => {
  const by = nonBlank(author);
  const commentary = markdownToHtml(description);
  const link = `<a href="${escapeHtml(url)}">${escapeHtml(title)}</a>`;
  const line = by ? `${link} by ${escapeHtml(by)}` : link;
  return `<li><p>${line}</p>${commentary ? `\n${commentary}` : ''}</li>`;
};
