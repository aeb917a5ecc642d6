/**
 * The changes feed's cursor: opaque to clients, base64url of a small versioned
 * JSON. `after` is the sequence number of the last change a client has; `hide`
 * is set only while a first pull pages through its snapshot: removals numbered
 * up to it happened before the snapshot began, so that client never saw the
 * roundup and needs no tombstone.
 */
export interface ChangesCursor {
  after: number;
  hide?: number;
}

const VERSION = 1;

const isSequence = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

export const encodeCursor = ({ after, hide }: ChangesCursor): string =>
  Buffer.from(
    JSON.stringify(hide === undefined ? { v: VERSION, after } : { v: VERSION, after, hide }),
    'utf8'
  ).toString('base64url');

/** The cursor `text` holds, or null when it is not one this server wrote. */
export const decodeCursor = (text: string): ChangesCursor | null => {
  if (text.length === 0 || text.length > 200) return null;
  let value: unknown;
  try {
    const json = Buffer.from(text, 'base64url').toString('utf8');
    // base64url decoding skips characters it does not know: only a faithful round trip counts.
    if (Buffer.from(json, 'utf8').toString('base64url') !== text) return null;
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { v, after, hide, ...rest } = value as Record<string, unknown>;
  if (v !== VERSION || !isSequence(after) || Object.keys(rest).length > 0) return null;
  if (hide === undefined) return { after };
  return isSequence(hide) ? { after, hide } : null;
};
