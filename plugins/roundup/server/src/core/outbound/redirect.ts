/** The most redirects a request may follow; every hop is checked again. */
export const MAX_REDIRECTS = 5;

/** The statuses whose Location a request follows when asked to. */
export const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

// Headers that must not follow a redirect to another origin.
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

export interface RequestHop {
  method: string;
  headers: Record<string, string>;
  body?: Buffer;
}

/** The request a redirect asks for: GET without a body after 303 (and 301/302 of a POST); credentials stay at their origin. */
export const nextHop = (hop: RequestHop, status: number, sameOrigin: boolean): RequestHop => {
  const toGet =
    status === 303
      ? hop.method !== 'HEAD'
      : (status === 301 || status === 302) && hop.method === 'POST';
  const headers = Object.fromEntries(
    Object.entries(hop.headers).filter(([name]) => {
      const lower = name.toLowerCase();
      if (!sameOrigin && CREDENTIAL_HEADERS.includes(lower)) return false;
      return !(toGet && (lower === 'content-type' || lower.startsWith('content-')));
    })
  );
  return toGet ? { method: 'GET', headers, body: undefined } : { ...hop, headers };
};
