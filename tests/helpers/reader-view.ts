import MarkdownIt from 'markdown-it';
import { parseDocument } from 'htmlparser2';

const markdown = new MarkdownIt({ html: true });
interface Node {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: Node[];
}
/** The links (href and text) and the visible text of a Markdown document, as a browser shows it. */
export const readerView = (text: string) => {
  const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
  const links: [string, string][] = [];
  const words: string[] = [];
  const textOf = (node: Node): string =>
    node.type === 'text' ? (node.data ?? '') : (node.children ?? []).map(textOf).join('');
  const walk = (node: Node) => {
    if (node.type === 'text') words.push(node.data ?? '');
    if (node.name === 'a') links.push([node.attribs?.href ?? '', textOf(node).trim()]);
    if (node.name && node.name !== 'a') words.push(' ');
    (node.children ?? []).forEach(walk);
  };
  walk(parseDocument(markdown.render(body)) as unknown as Node);
  return { links, text: words.join('').replace(/\s+/g, ' ').trim() };
};
