import { Parser } from 'htmlparser2';

/** How far into a page its charset declaration may be looked for (HTML's prescan reads 1024 bytes). */
const PRESCAN_BYTES = 4096;

const BOMS: { bytes: number[]; charset: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], charset: 'utf-8' },
  { bytes: [0xfe, 0xff], charset: 'utf-16be' },
  { bytes: [0xff, 0xfe], charset: 'utf-16le' },
];

/** The charset a byte-order mark announces, or null. */
export const charsetFromBom = (bytes: Uint8Array): string | null => {
  const found = BOMS.find(({ bytes: bom }) => bom.every((byte, i) => bytes[i] === byte));
  return found?.charset ?? null;
};

/** The `charset` parameter of a Content-Type header, or null. */
export const charsetFromContentType = (contentType: string | undefined | null): string | null => {
  if (!contentType) return null;
  for (const part of contentType.split(';').slice(1)) {
    const [name, ...rest] = part.split('=');
    if (name.trim().toLowerCase() !== 'charset') continue;
    const value = rest
      .join('=')
      .trim()
      .replace(/^["']|["']$/g, '');
    return value ? value.toLowerCase() : null;
  }
  return null;
};

/**
 * The charset a page declares in its first bytes: `<meta charset>` or
 * `<meta http-equiv="Content-Type" content="…; charset=…">`. The bytes are
 * read as Latin-1, which maps each byte to one character, as HTML's prescan does.
 */
export const charsetFromMeta = (bytes: Uint8Array): string | null => {
  const prefix = Buffer.from(
    bytes.buffer,
    bytes.byteOffset,
    Math.min(bytes.byteLength, PRESCAN_BYTES)
  ).toString('latin1');
  let found: string | null = null;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (found || name !== 'meta') return;
        if (attributes.charset) found = attributes.charset.trim().toLowerCase();
        else if ((attributes['http-equiv'] ?? '').toLowerCase() === 'content-type') {
          found = charsetFromContentType(attributes.content);
        }
        if (found) parser.pause();
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true, lowerCaseTags: true }
  );
  parser.end(prefix);
  return found;
};

/** A charset label TextDecoder knows, or null. */
const knownLabel = (label: string | null): string | null => {
  if (!label) return null;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
};

/**
 * The page's text, decoded with the charset its bytes announce: a BOM first,
 * then the Content-Type header, then a `<meta>` declaration; UTF-8 otherwise.
 * Node's full ICU decodes ISO-8859-1 (as windows-1252, as browsers do),
 * Shift_JIS, EUC-KR, GBK and the other WHATWG encodings.
 */
export const decodePage = (
  bytes: Uint8Array,
  contentType?: string | null
): { text: string; charset: string } => {
  const charset =
    knownLabel(charsetFromBom(bytes)) ??
    knownLabel(charsetFromContentType(contentType)) ??
    knownLabel(charsetFromMeta(bytes)) ??
    'utf-8';
  return { text: new TextDecoder(charset).decode(bytes), charset };
};
