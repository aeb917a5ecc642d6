import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, parseFragment, type DefaultTreeAdapterMap } from 'parse5';

/**
 * A real Jekyll build (Debian's `jekyll`, installed by .ci/run) of a site written to a
 * temporary folder: `--safe`, no Gemfile and no plugins, so it reads only its own files
 * and opens no connection.
 */
export interface JekyllSite {
  /** The built file at `url` (`/2020/07/31/slug.html`). */
  page(url: string): BuiltPage;
  /** How long `jekyll build` took, in seconds. */
  seconds: number;
  remove(): void;
}

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

export interface BuiltPage {
  html: string;
  /** The element with this id: its visible text and the elements inside it. */
  byId(id: string): { text: string; elements: Element[]; html: string };
}

const isElement = (node: Node): node is Element => 'tagName' in node;

/** The visible text of a node, as a browser's parser has it (references read as characters). */
export const textOf = (node: Node): string => {
  if (node.nodeName === '#text' && 'value' in node) return node.value;
  if (node.nodeName === '#comment') return '';
  const children =
    'content' in node ? node.content.childNodes : 'childNodes' in node ? node.childNodes : [];
  return children.map(textOf).join('');
};

/** The visible text of a fragment of HTML. */
export const textOfHtml = (html: string): string => textOf(parseFragment(html));

/** Every element inside `node`, in document order. */
export const elementsIn = (node: Node, found: Element[] = []): Element[] => {
  if ('childNodes' in node) {
    for (const child of node.childNodes) {
      if (isElement(child)) found.push(child);
      elementsIn(child, found);
    }
  }
  return found;
};

export const attribute = (element: Element, name: string): string | undefined =>
  element.attrs.find((attr) => attr.name === name)?.value;

const readPage = (html: string): BuiltPage => {
  const all = elementsIn(parse(html, { sourceCodeLocationInfo: true }));
  return {
    html,
    byId(id) {
      const element = all.find((candidate) => attribute(candidate, 'id') === id);
      if (!element) throw new Error(`the built page has no element #${id}:\n${html}`);
      const inner = html.slice(
        element.sourceCodeLocation?.startTag?.endOffset ?? 0,
        element.sourceCodeLocation?.endTag?.startOffset ?? 0
      );
      return { text: textOf(element), elements: elementsIn(element), html: inner };
    },
  };
};

/** Writes `files` (paths relative to the site) and builds the site; a failed build throws its output. */
export const buildJekyllSite = (files: Record<string, string>): JekyllSite => {
  const source = fs.mkdtempSync(path.join(os.tmpdir(), 'roundup-jekyll-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(source, name)), { recursive: true });
    fs.writeFileSync(path.join(source, name), text);
  }
  const destination = path.join(source, '_site');
  const started = process.hrtime.bigint();
  const build = spawnSync(
    'jekyll',
    ['build', '--safe', '--disable-disk-cache', '--source', source, '--destination', destination],
    { encoding: 'utf8', env: { ...process.env, JEKYLL_ENV: 'production' } }
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (build.error || build.status !== 0) {
    fs.rmSync(source, { recursive: true, force: true });
    throw new Error(`jekyll build failed: ${build.error ?? ''}\n${build.stdout}\n${build.stderr}`);
  }
  return {
    page: (url) => readPage(fs.readFileSync(path.join(destination, url), 'utf8')),
    seconds,
    remove: () => fs.rmSync(source, { recursive: true, force: true }),
  };
};
