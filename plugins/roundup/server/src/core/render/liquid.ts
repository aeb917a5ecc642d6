import { roundupPermalink } from '../feed/permalink';

/**
 * Liquid in editors' text. Jekyll runs every `{{ … }}` and `{% … %}` of a post
 * before it reads the Markdown: the Markdown output makes them inert (see
 * liquid-inert.ts), except the link tags the site owner allows
 * (`{% post_url 2020-07-29-slug %}`, `{% link path %}`) in editors' Markdown
 * fields. The HTML output resolves those tags to absolute links on the site.
 *
 * A "construct" is what Ruby Liquid's tokenizer takes as one token: `{%` up to
 * the first `%}`, `{{` up to the first `}` (and one more `}`), or a lone `{{` or
 * `{%` with no end.
 */

export const DEFAULT_LIQUID_TAGS: readonly string[] = ['post_url', 'link'];

/**
 * An allowed tag: a post name or a path as its argument, nothing Liquid would evaluate, and
 * no whitespace control, which would strip the text around the field it is written in.
 */
const TAG = /^\{%[ \t]*([a-z_]+)[ \t]+([\w./~-]{1,300})[ \t]*%\}$/;

export interface LiquidConstruct {
  start: number;
  end: number;
}

/** Every Liquid construct of `text`, in order, in time linear in its length. */
export const liquidConstructs = (text: string): LiquidConstruct[] => {
  const found: LiquidConstruct[] = [];
  // indexOf from a later offset finds nothing either once it found nothing: remember it.
  let noTagEnd = false;
  let noBrace = false;
  let at = text.indexOf('{');
  while (at >= 0 && at < text.length) {
    const next = text[at + 1];
    if (next !== '{' && next !== '%') {
      at = text.indexOf('{', at + 1);
      continue;
    }
    let end = at + 2;
    if (next === '%' && !noTagEnd) {
      const close = text.indexOf('%}', at + 2);
      if (close < 0) noTagEnd = true;
      else end = close + 2;
    } else if (next === '{' && !noBrace) {
      const close = text.indexOf('}', at + 2);
      if (close < 0) noBrace = true;
      else end = text[close + 1] === '}' ? close + 2 : close + 1;
    }
    found.push({ start: at, end });
    at = text.indexOf('{', end);
  }
  return found;
};

/** The allowed link tag a construct is, or null. */
export const allowedLinkTag = (
  construct: string,
  allowed: readonly string[]
): { name: string; argument: string } | null => {
  const match = TAG.exec(construct);
  return match && allowed.includes(match[1]) ? { name: match[1], argument: match[2] } : null;
};

export interface SiteLinks {
  /** The site's absolute URL (`feed.siteUrl`). */
  siteUrl: string;
  /** Where a post lives, e.g. /:year/:month/:day/:slug/ (`feed.permalink`). */
  permalink: string;
}

const POST_NAME = /^(?:[\w.~-]+\/)*(\d{4}-\d{2}-\d{2})-([\w.~-]+?)(?:\.(?:md|markdown|html))?$/;

/** The absolute URL an allowed link tag points to on the site, or null when it cannot tell. */
export const resolveLinkTag = (name: string, argument: string, site: SiteLinks): string | null => {
  try {
    if (name === 'post_url') {
      const post = POST_NAME.exec(argument.replace(/^\/+/, ''));
      return post
        ? roundupPermalink(site.permalink, site.siteUrl, { date: post[1], slug: post[2] })
        : null;
    }
    if (name === 'link') {
      const base = site.siteUrl.endsWith('/') ? site.siteUrl : `${site.siteUrl}/`;
      return new URL(argument.replace(/^\/+/, ''), base).toString();
    }
  } catch {
    return null;
  }
  return null;
};

/**
 * Liquid resolved for output that no Jekyll will read (HTML, feeds): allowed link
 * tags become absolute URLs; a tag used as a link destination that cannot be
 * resolved becomes nothing, so the link keeps its text and loses its href.
 * Everything else stays as the text it is.
 */
export const resolveLiquidLinks = (
  text: string,
  allowed: readonly string[],
  site: SiteLinks
): string => {
  const constructs = liquidConstructs(text);
  if (constructs.length === 0) return text;
  const out: string[] = [];
  let from = 0;
  for (const { start, end } of constructs) {
    const construct = text.slice(start, end);
    const tag = allowedLinkTag(construct, allowed);
    const inDestination =
      text.slice(Math.max(0, start - 2), start).endsWith('](') ||
      /\]\(\s*<?$/.test(text.slice(Math.max(0, start - 8), start));
    let replacement = construct;
    if (tag) replacement = resolveLinkTag(tag.name, tag.argument, site) ?? '';
    else if (inDestination && construct.startsWith('{%') && construct.endsWith('%}'))
      replacement = '';
    out.push(text.slice(from, start), replacement);
    from = end;
  }
  out.push(text.slice(from));
  return out.join('');
};
