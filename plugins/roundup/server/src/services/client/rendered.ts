import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { CONTENT_TYPES, strongEtag, type RenderFormat } from '../../core/http-cache';
import { createRenderer, type RoundupRenderer } from '../../core/render';
import { getPluginConfig } from '../../utils/config';
import { getPluginService } from '../../utils/get-service';
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
 * Rendered roundups, cached in memory under the content version. Each request
 * reads the version from the database first, so a write made through any
 * Strapi instance changes the key and is served at once everywhere; a hit
 * costs that one small query.
 */
const rendered = ({ strapi }: { strapi: Core.Strapi }) => {
  const entries = new Map<string, RenderedOutput | null>();
  let renderer: RoundupRenderer | null = null;

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

  const remember = (key: string, value: RenderedOutput | null) => {
    const { enabled, maxEntries } = getPluginConfig(strapi).cache;
    if (!enabled) return;
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
    entries.set(key, value);
  };

  const recall = (key: string) => {
    const value = entries.get(key);
    if (value === undefined) return undefined;
    // Re-inserting keeps the Map in least-recently-used order.
    entries.delete(key);
    entries.set(key, value);
    return value;
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
    if (!renderer) throw new Error('roundup: the renderer is not ready before bootstrap');
    return format === 'markdown' ? renderer.markdown(roundup) : renderer.html(roundup);
  };

  return {
    /** Parses the configured templates; a template that does not parse stops startup. */
    prepare() {
      const { templates, markdown, feed } = getPluginConfig(strapi);
      renderer = createRenderer({
        markdownTemplate: loadTemplate(templates.markdown),
        htmlTemplate: loadTemplate(templates.html),
        markdown,
        site: { siteUrl: feed.siteUrl, permalink: feed.permalink },
      });
    },

    renderer(): RoundupRenderer {
      if (!renderer) throw new Error('roundup: the renderer is not ready before bootstrap');
      return renderer;
    },

    /** The published roundup `slug` as `format`, or null when there is none. */
    async roundup(slug: string, format: OutputFormat): Promise<RenderedOutput | null> {
      const version = await getPluginService(strapi, 'content-version').current();
      const key = `${version}\u0000${format}\u0000${slug}`;
      const cached = recall(key);
      if (cached !== undefined) return cached;

      const loaded = await getPluginService(strapi, 'published').load(slug);
      const result = loaded ? output(render(loaded.roundup, format), format, loaded.lastModified) : null;
      remember(key, result);
      return result;
    },

    /** Any other output under the content version: computed once per version and key. */
    async cached(
      name: string,
      compute: () => Promise<{ body: string; contentType: string; lastModified: Date }>
    ): Promise<RenderedOutput> {
      const version = await getPluginService(strapi, 'content-version').current();
      const key = `${version}\u0000${name}`;
      const cached = recall(key);
      if (cached) return cached;
      const { body, contentType, lastModified } = await compute();
      const result = { ...output(body, 'json', lastModified), contentType };
      remember(key, result);
      return result;
    },
  };
};

export type RenderedService = ReturnType<typeof rendered>;
export default rendered;
