import type { LinkFilter } from '../../../shared/contracts/link-health';
import { PLUGIN_ID } from '../pluginId';

/** Admin API paths of the plugin (the admin panel's fetch client adds the server's address). */
export const paths = {
  roundups: (page: number, pageSize: number) =>
    `/roundup/roundups?page=${page}&pageSize=${pageSize}`,
  newRoundup: '/roundup/roundups',
  editor: (id: string) => `/roundup/roundups/${id}/editor`,
  order: (id: string) => `/roundup/roundups/${id}/order`,
  entries: (id: string) => `/roundup/roundups/${id}/entries`,
  section: (id: string, category: string) => `/roundup/roundups/${id}/sections/${category}`,
  preview: (id: string) => `/roundup/roundups/${id}/preview`,
  publish: (id: string) => `/roundup/roundups/${id}/publish`,
  unpublish: (id: string) => `/roundup/roundups/${id}/unpublish`,
  inbox: (page: number, query: string) => {
    const params = new URLSearchParams({ page: String(page) });
    if (query) params.set('q', query);
    return `/roundup/inbox?${params}`;
  },
  retryUnfurl: (id: string) => `/roundup/inbox/${id}/unfurl`,
  unfurl: '/roundup/unfurl',
  captureTokens: '/roundup/capture-tokens',
  captureToken: (id: number) => `/roundup/capture-tokens/${id}`,
  bookmarklet: (id: number) => `/roundup/capture-tokens/${id}/bookmarklet`,
  newsletter: (id: string) => `/roundup/roundups/${id}/newsletter`,
  newsletterTest: (id: string) => `/roundup/roundups/${id}/newsletter/test`,
  newsletterPush: (id: string) => `/roundup/roundups/${id}/newsletter/push`,
  schedule: (id: string) => `/roundup/roundups/${id}/schedule`,
  schedules: '/roundup/schedules',
  import: '/roundup/import',
  buildHooks: '/roundup/build-hooks',
  buildHook: (id: number) => `/roundup/build-hooks/${id}`,
  triggerBuildHook: (id: number) => `/roundup/build-hooks/${id}/trigger`,
  deliveries: (pageSize: number) => `/roundup/deliveries?pageSize=${pageSize}`,
  gitTargets: '/roundup/git-targets',
  gitTarget: (id: number) => `/roundup/git-targets/${id}`,
  syncGitTarget: (id: number) => `/roundup/git-targets/${id}/sync`,
  resolveDelivery: (id: number) => `/roundup/deliveries/${id}/resolve`,
  linkChecks: '/roundup/link-checks',
  currentLinkCheck: '/roundup/link-checks/current',
  linkHealth: (state: LinkFilter, pageSize: number, q = '') =>
    `/roundup/link-health?state=${state}&pageSize=${pageSize}${q ? `&q=${encodeURIComponent(q)}` : ''}`,
  linkAction: (id: number) => `/roundup/link-health/${id}/actions`,
};

/** The roundup content type, as the Content Manager names it. */
export const ROUNDUP_MODEL = 'plugin::roundup.roundup';

/** Where the Content Manager edits a roundup, inside the admin panel. */
export const contentManagerPath = (documentId: string) =>
  `/content-manager/collection-types/${ROUNDUP_MODEL}/${documentId}`;

/** The Roundups list, as a path inside the admin panel. */
export const roundupsPagePath = `/plugins/${PLUGIN_ID}`;

/** What the admin panel knows of the Strapi server it runs against. */
interface AdminGlobals {
  strapi?: { backendURL?: string };
}

/** The public rendered outputs of a published roundup, on the Strapi server. */
export const renderedUrl = (slug: string, format: 'markdown' | 'html' | 'json') => {
  const backend = (window as Window & AdminGlobals).strapi?.backendURL ?? '';
  return `${backend}/api/roundup/roundups/${encodeURIComponent(slug)}/rendered?format=${format}`;
};
