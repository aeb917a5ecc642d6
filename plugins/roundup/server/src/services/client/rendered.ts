import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { CONTENT_TYPES, strongEtag, type RenderFormat } from '../../core/http-cache';
import {
  createNewsletterRenderer,
  createRenderer,
  type NewsletterRenderer,
  type RoundupRenderer,
} from '../../core/render';
import { getPluginConfig } from '../../utils/config';
import { getPluginService } from '../../utils/get-service';
import { VERSION_KEYS } from '../common/content-version';
import type { PublicRoundup } from './published';

export type OutputFormat = RenderFormat | 'json';

/** A response body ready to send, with what HTTP caching needs. */
export interface RenderedOutput {
  body: Buffer;
  contentType: string;
  etag: string;
  lastModified: Date;
}

/**
 * Rendered roundups, cached in memory under the versions of what each output
 * shows (one roundup and the sections; the list and the feeds under the
 * published version). Each request reads those versions from the database
 * first, in one small query, so a write made through any Strapi instance is
 * served at once everywhere, and a write evicts only what it changed.
 */
const rendered = ({ strapi }: { strapi: Core.Strapi }) => {
  /** Each output by name, kept under the versions it was made from; only those versions find it. */
  const entries = new Map<string, { version: string; value: RenderedOutput | null }>();
  let renderer: RoundupRenderer | null = null;
  let newsletter: NewsletterRenderer | null = null;

  const loadTemplate = (file: string | undefined) => {
    if (!file) return undefined;
    const resolved = path.resolve(strapi.dirs.app.root, file);
    let source: string;
    try {
      source = fs.readFileSync(resolved, 'utf8');
    } catch (error) {
      throw new Error(`roundup: cannot read template ${resolved}: ${(error as Error).message}`);
    }
    return { source, name: resolved };
  };

  /** Keeps `value` as `name` at `version`, replacing any older version of it. */
  const remember = (name: string, version: string, value: RenderedOutput | null) => {
    const { enabled, maxEntries } = getPluginConfig(strapi).cache;
    if (!enabled) return;
    entries.delete(name);
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
    entries.set(name, { version, value });
  };

  /** `name` as kept at `version`, or undefined. */
  const recall = (name: string, version: string) => {
    const entry = entries.get(name);
    if (!entry || entry.version !== version) return undefined;
    // Re-inserting keeps the Map in least-recently-used order.
    entries.delete(name);
    entries.set(name, entry);
    return entry.value;
  };

  const output = (body: string, format: OutputFormat, lastModified: Date): RenderedOutput => {
    const buffer = Buffer.from(body, 'utf8');
    return {
      body: buffer,
      contentType: format === 'json' ? 'application/json; charset=utf-8' : CONTENT_TYPES[format],
      etag: strongEtag(buffer),
      lastModified,
    };
  };

  const render = (roundup: PublicRoundup, format: OutputFormat): string => {
    if (format === 'json') return JSON.stringify({ data: roundup, meta: {} });
    if (!renderer || !newsletter)
      throw new Error('roundup: the renderer is not ready before bootstrap');
    if (format === 'email' || format === 'text') return newsletter[format](roundup);
    return renderer[format](roundup);
  };

  return {
    /** Parses the configured templates; a template that does not parse stops startup. */
    prepare() {
      const { templates, markdown, feed, newsletter: email } = getPluginConfig(strapi);
      const site = { siteUrl: feed.siteUrl, permalink: feed.permalink };
      renderer = createRenderer({
        markdownTemplate: loadTemplate(templates.markdown),
        htmlTemplate: loadTemplate(templates.html),
        markdown,
        site,
      });
      newsletter = createNewsletterRenderer({
        emailTemplate: loadTemplate(templates.email),
        textTemplate: loadTemplate(templates.text),
        site,
        siteTitle: feed.title,
        lang: email.lang,
        liquidTags: markdown.liquidTags,
      });
    },

    renderer(): RoundupRenderer {
      if (!renderer) throw new Error('roundup: the renderer is not ready before bootstrap');
      return renderer;
    },

    /** The email document and plain text of any roundup (a draft too), for test sends and pushes. */
    newsletter(): NewsletterRenderer {
      if (!newsletter) throw new Error('roundup: the renderer is not ready before bootstrap');
      return newsletter;
    },

    /** The published roundup `slug` as `format`, or null when there is none. */
    async roundup(slug: string, format: OutputFormat): Promise<RenderedOutput | null> {
      const version = await getPluginService(strapi, 'content-version').current([
        VERSION_KEYS.all,
        VERSION_KEYS.sections,
        VERSION_KEYS.roundup(slug),
      ]);
      const name = `${format}\u0000${slug}`;
      const cached = recall(name, version);
      if (cached !== undefined) return cached;

      const loaded = await getPluginService(strapi, 'published').load(slug);
      const result = loaded
        ? output(render(loaded.roundup, format), format, loaded.lastModified)
        : null;
      remember(name, version, result);
      return result;
    },

    /** One page of the published roundups as the list route answers it, cached under the published version. */
    listPage({ page, pageSize }: { page: number; pageSize: number }): Promise<RenderedOutput> {
      return this.cached(
        `list\u0000${page}\u0000${pageSize}`,
        [VERSION_KEYS.published],
        async () => {
          const { results, pagination } = await getPluginService(strapi, 'published').list({
            page,
            pageSize,
          });
          const lastModified = results.reduce(
            (latest, row) =>
              Math.max(latest, Date.parse(row.updatedAt) || 0, Date.parse(row.publishedAt) || 0),
            0
          );
          return {
            body: JSON.stringify({ data: results, meta: { pagination } }),
            contentType: 'application/json; charset=utf-8',
            lastModified: new Date(lastModified),
          };
        }
      );
    },

    /**
     * Any other output (the list, the feeds, the editor's pages), computed once
     * per name and versions of `dependsOn` (keys of VERSION_KEYS; everything
     * always counts).
     */
    async cached(
      name: string,
      dependsOn: string[],
      compute: () => Promise<{ body: string; contentType: string; lastModified: Date }>
    ): Promise<RenderedOutput> {
      const version = await getPluginService(strapi, 'content-version').current([
        VERSION_KEYS.all,
        ...dependsOn,
      ]);
      const cached = recall(name, version);
      if (cached) return cached;
      const { body, contentType, lastModified } = await compute();
      const result = { ...output(body, 'json', lastModified), contentType };
      remember(name, version, result);
      return result;
    },
  };
};

export type RenderedService = ReturnType<typeof rendered>;
export default rendered;
