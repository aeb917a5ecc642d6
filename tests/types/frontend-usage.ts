/**
 * How a Next.js or Astro site uses the published types: compiled by
 * `npm run typecheck`, never run. Each @ts-expect-error is a mistake the types
 * must catch.
 */
import {
  createRoundupClient,
  RoundupApiError,
  type Entry,
  type ErrorResponse,
  type Roundup,
  type RoundupList,
  type RoundupResponse,
} from 'strapi-plugin-roundup/client';

const CMS = 'https://cms.example.com';

/** Plain fetch, typed by casting the parsed body. */
export async function roundupPaths(): Promise<string[]> {
  const response = await fetch(`${CMS}/api/roundup/roundups?pageSize=100`);
  const list = (await response.json()) as RoundupList;
  // @ts-expect-error a summary has no sections: the list is not the full roundup
  void list.data[0].sections;
  return list.data.map((summary) => `/${summary.date.slice(0, 4)}/${summary.slug}/`);
}

export async function loadRoundup(slug: string): Promise<Roundup | null> {
  const response = await fetch(`${CMS}/api/roundup/roundups/${encodeURIComponent(slug)}`);
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(((await response.json()) as ErrorResponse).error.message);
  return ((await response.json()) as RoundupResponse).data;
}

export const entryLine = (entry: Entry) =>
  // @ts-expect-error the author may be missing
  `${entry.title} by ${entry.author.trim()}`;

export const sectionHeadings = (roundup: Roundup) =>
  roundup.sections.map((section) => section.category?.name ?? 'More links');

// @ts-expect-error no private field is part of the API
export const leaked = (roundup: Roundup) => roundup.createdBy;

/** The typed client, as a Next.js page would call it (with its own fetch options). */
export async function page(slug: string) {
  const client = createRoundupClient({
    baseUrl: CMS,
    token: 'an API token',
    init: { next: { revalidate: 60 } },
  });
  try {
    const [{ data: roundup }, html, feed] = await Promise.all([
      client.getRoundup(slug),
      client.getRendered(slug, 'html'),
      client.getJsonFeed(),
    ]);
    const pages: number = (await client.listRoundups({ pageSize: 20 })).meta.pagination.pageCount;
    // @ts-expect-error the rendered formats are markdown and html
    await client.getRendered(slug, 'pdf');
    return { title: roundup.title, html, pages, latest: feed.items[0]?.url };
  } catch (error) {
    if (error instanceof RoundupApiError && error.status === 404) return null;
    throw error;
  }
}
