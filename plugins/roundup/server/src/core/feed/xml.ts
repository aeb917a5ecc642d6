// XML 1.0 allows neither these control characters nor unpaired surrogates, not even escaped.
const XML_ILLEGAL =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point: they are dropped.
  /[\u0000-\u0008\v\f\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** `text` as XML character data or an attribute value: escaped, illegal characters dropped. */
export const xmlText = (text: string): string =>
  text.replace(XML_ILLEGAL, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);

/** Plain text for a field that readers take as HTML (an RSS item's description). */
export const htmlText = (text: string): string => text.replace(/[&<>]/g, (c) => XML_ESCAPES[c]);
