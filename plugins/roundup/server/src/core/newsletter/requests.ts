/** One HTTP request to a newsletter service, built from plain data and sent by the outbound client. */
export interface ServiceRequest {
  method: 'POST' | 'PUT' | 'PATCH';
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** What a push sends: the roundup as the newsletter's subject, email document and text. */
export interface NewsletterContent {
  subject: string;
  /** The complete email document (format=email). */
  html: string;
  /** Its plain-text part (format=text). */
  text: string;
  /** One line shown after the subject in an inbox. */
  preview: string;
}

export const jsonRequest = (
  method: ServiceRequest['method'],
  url: string,
  authorization: string,
  body: unknown
): ServiceRequest => ({
  method,
  url,
  headers: {
    authorization,
    'content-type': 'application/json',
    accept: 'application/json',
    'user-agent': 'strapi-plugin-roundup',
  },
  body: JSON.stringify(body),
});

/** A base URL without its trailing slashes (counted, not matched: no backtracking). */
export const withoutTrailingSlashes = (url: string): string => {
  let end = url.length;
  while (end > 0 && url[end - 1] === '/') end -= 1;
  return url.slice(0, end);
};

const LONGEST_MESSAGE = 500;

const textOf = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() ? value.trim() : null;

/**
 * The service's own words for a failed request: Mailchimp's problem document
 * (`title`, `detail`, field `errors`), Buttondown's `detail` (a text, or a list of
 * field problems), or a `message`/`error`; else the status and the start of the body.
 */
export const serviceErrorMessage = (status: number, body: string): string => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    parsed = null;
  }
  const parts: string[] = [];
  if (parsed && typeof parsed === 'object') {
    const problem = parsed as Record<string, unknown>;
    const title = textOf(problem.title);
    const detail = textOf(problem.detail) ?? textOf(problem.message) ?? textOf(problem.error);
    if (title) parts.push(title);
    if (detail) parts.push(detail);
    for (const list of [problem.errors, problem.detail]) {
      if (!Array.isArray(list)) continue;
      for (const item of list.slice(0, 5)) {
        const field = item && typeof item === 'object' ? (item as Record<string, unknown>) : {};
        const where =
          textOf(field.field) ?? (Array.isArray(field.loc) ? field.loc.join('.') : null);
        const what = textOf(field.message) ?? textOf(field.msg);
        if (what) parts.push(where ? `${where}: ${what}` : what);
      }
    }
  }
  const message = parts.length ? parts.join(': ') : (textOf(body.slice(0, 200)) ?? 'no message');
  return `HTTP ${status}: ${message}`.slice(0, LONGEST_MESSAGE);
};

/** The `id` of a created draft or campaign in a service's JSON answer, or null. */
export const createdId = (body: string): string | null => {
  try {
    const parsed = JSON.parse(body) as { id?: unknown };
    return typeof parsed.id === 'string' || typeof parsed.id === 'number'
      ? String(parsed.id)
      : null;
  } catch {
    return null;
  }
};
