/** The error message of a failed admin API call, in Strapi's error envelope or not. */
export const errorMessage = (error: any): string =>
  error?.response?.data?.error?.message ?? error?.message ?? 'Something went wrong';

/** The HTTP status of a failed admin API call, when there was a response. */
export const errorStatus = (error: any): number | undefined =>
  error?.status ?? error?.response?.status;

/** The per-field messages of a 400, keyed by the dotted path. */
export const fieldErrors = (error: any): Record<string, string> => {
  const details = error?.response?.data?.error?.details?.errors ?? [];
  return Object.fromEntries(details.map((e: any) => [e.path.join('.'), e.message]));
};

// The shapes the plugin's admin routes answer with, shared with the server code that builds them.
export type {
  DuplicateRef,
  EditorView,
  EntryCard,
  InboxCard as InboxEntry,
  RoundupStatus,
  RoundupSummary,
  SectionRef,
} from '../../../shared/contracts/editor';

/** Admin API paths of the plugin. */
export const paths = {
  roundups: '/roundup/roundups',
  editor: (id: string) => `/roundup/roundups/${id}/editor`,
  order: (id: string) => `/roundup/roundups/${id}/order`,
  entries: (id: string) => `/roundup/roundups/${id}/entries`,
  preview: (id: string) => `/roundup/roundups/${id}/preview`,
  publish: (id: string) => `/roundup/roundups/${id}/publish`,
  unpublish: (id: string) => `/roundup/roundups/${id}/unpublish`,
  inbox: '/roundup/inbox',
  retryUnfurl: (id: string) => `/roundup/inbox/${id}/unfurl`,
  unfurl: '/roundup/unfurl',
  captureTokens: '/roundup/capture-tokens',
  captureToken: (id: number) => `/roundup/capture-tokens/${id}`,
  bookmarklet: (id: number) => `/roundup/capture-tokens/${id}/bookmarklet`,
  newsletter: (id: string) => `/roundup/roundups/${id}/newsletter`,
  newsletterTest: (id: string) => `/roundup/roundups/${id}/newsletter/test`,
  newsletterPush: (id: string) => `/roundup/roundups/${id}/newsletter/push`,
};

export type { CaptureToken } from '../../../shared/contracts/capture-tokens';

/** Where the Content Manager edits a roundup, inside the admin panel. */
export const contentManagerPath = (documentId: string) =>
  `/content-manager/collection-types/plugin::roundup.roundup/${documentId}`;

/** The public rendered outputs of a published roundup, on the Strapi server. */
export const renderedUrl = (slug: string, format: 'markdown' | 'html' | 'json') => {
  const backend = (window as any).strapi?.backendURL ?? '';
  return `${backend}/api/roundup/roundups/${encodeURIComponent(slug)}/rendered?format=${format}`;
};
