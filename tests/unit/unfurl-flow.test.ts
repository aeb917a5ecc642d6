import {
  fillFromMetadata,
  failedRecord,
  pendingRecord,
} from '../../plugins/roundup/server/src/core/unfurl/fill';
import {
  fetchFailureReason,
  headSuffices,
  unfurl,
  type FetchedPage,
  type FetchPage,
} from '../../plugins/roundup/server/src/core/unfurl/unfurl';
import type { PageMetadata } from '../../plugins/roundup/server/src/core/unfurl/metadata';

const LIMITS = { timeoutMs: 1000, maxBytes: 65536, maxRedirects: 5 };
const html = (
  body: string,
  headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8' },
  extra: Partial<FetchedPage> = {}
): FetchedPage => ({
  status: 200,
  headers,
  body: Buffer.from(body),
  truncated: false,
  url: 'https://site.example/post',
  ...extra,
});

/** A fetch answering from a table of URLs, recording what it was asked. */
const table = (pages: Record<string, FetchedPage | Error>) => {
  const asked: string[] = [];
  const fetchPage: FetchPage = async (url) => {
    asked.push(url);
    const answer = pages[url];
    if (!answer) throw Object.assign(new Error('not in table'), { code: 'network' });
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { fetchPage, asked };
};

describe('unfurl', () => {
  it('reads the page, then asks the oEmbed endpoint for the author the page lacks', async () => {
    const { fetchPage, asked } = table({
      'https://site.example/post': html(
        '<head><title>Talk</title><link rel="alternate" type="application/json+oembed" href="/oembed"></head>'
      ),
      'https://site.example/oembed': html('{"author_name":"Speaker","provider_name":"Tube"}', {
        'content-type': 'application/json',
      }),
    });
    const outcome = await unfurl('https://site.example/post', fetchPage, LIMITS);
    expect(outcome).toMatchObject({
      ok: true,
      metadata: { title: 'Talk', author: 'Speaker', siteName: 'Tube' },
    });
    expect(asked).toEqual(['https://site.example/post', 'https://site.example/oembed']);
  });

  it('keeps the page metadata when oEmbed fails', async () => {
    const { fetchPage } = table({
      'https://site.example/post': html(
        '<head><title>Talk</title><link rel="alternate" type="application/json+oembed" href="/oembed"></head>'
      ),
    });
    expect(await unfurl('https://site.example/post', fetchPage, LIMITS)).toMatchObject({
      ok: true,
      metadata: { title: 'Talk', author: null },
    });
  });

  it.each([
    [
      'the guard refuses',
      Object.assign(new Error('private address'), { code: 'refused' }),
      'refused, private address',
    ],
    [
      'it times out',
      Object.assign(new Error('timeout after 1000 ms'), { code: 'timeout' }),
      'timeout after 1000 ms',
    ],
    ['a 404', html('', {}, { status: 404 }), 'HTTP 404'],
    ['a PDF', html('%PDF', { 'content-type': 'application/pdf' }), 'not HTML (application/pdf)'],
    [
      'a cut-off page with no title',
      html('<head>' + 'x'.repeat(2048), undefined, { truncated: true }),
      'too large, no title in the first 2 KiB',
    ],
    ['a page with no title', html('<p>hi</p>'), 'the page has no title'],
  ])('gives a reason when %s', async (_case, answer, reason) => {
    const { fetchPage } = table({ 'https://site.example/post': answer });
    expect(await unfurl('https://site.example/post', fetchPage, LIMITS)).toEqual({
      ok: false,
      reason,
    });
  });

  it('asks the client to stop once the head names title and author', () => {
    const head = Buffer.from(
      '<html><head><title>T</title><meta name="author" content="A"></head><body>'
    );
    expect(headSuffices(head)).toBe(true);
    expect(headSuffices(Buffer.from('<html><head><title>T</title></head><body>'))).toBe(false);
    expect(
      headSuffices(Buffer.from('<html><head><title>T</title><meta name="author" content="A">'))
    ).toBe(false);
  });

  it.each([
    [
      { code: 'refused', message: 'refused: not on the allowlist' },
      'refused: not on the allowlist',
    ],
    [
      {
        code: 'refused',
        message: 'points to 10.0.0.5, a private address; allow it with outbound.allow',
      },
      'refused, points to 10.0.0.5, a private address',
    ],
    [{ code: 'dns', message: '' }, 'dns'],
    [new Error('socket hang up'), 'socket hang up'],
    [undefined, 'network error'],
  ])('fetchFailureReason(%j)', (error, reason) => {
    expect(fetchFailureReason(error)).toBe(reason);
  });
});

describe('fillFromMetadata', () => {
  const found: PageMetadata = {
    title: 'Page title',
    author: 'Page author',
    description: 'D',
    siteName: 'S',
    canonicalUrl: 'https://c.example/x',
    oembedUrl: null,
  };
  const at = new Date('2026-11-30T03:00:00Z');

  it('fills a stand-in title and an empty author, and records the rest', () => {
    const url = 'https://c.example/x?utm_source=y';
    const result = fillFromMetadata(
      { title: url, author: null },
      pendingRecord({ title: url }),
      found,
      at
    );
    expect(result.data).toEqual({ title: 'Page title', author: 'Page author' });
    expect(result.record).toEqual({
      state: 'done',
      reason: null,
      at: at.toISOString(),
      description: 'D',
      siteName: 'S',
      canonicalUrl: 'https://c.example/x',
      placeholders: {},
    });
  });

  it("never overwrites the editor's own title and author", () => {
    expect(
      fillFromMetadata({ title: 'Mine', author: 'Me' }, pendingRecord(), found, at).data
    ).toEqual({});
    // The editor changed the stand-in title before unfurl ran.
    expect(
      fillFromMetadata(
        { title: 'Edited', author: '' },
        pendingRecord({ title: 'https://c.example/x' }),
        found,
        at
      ).data
    ).toEqual({ author: 'Page author' });
  });

  it('keeps what an earlier unfurl found when a retry fails', () => {
    const done = fillFromMetadata({ title: 'x', author: null }, null, found, at).record;
    expect(failedRecord(done, 'timeout', at)).toMatchObject({
      state: 'failed',
      reason: 'timeout',
      siteName: 'S',
    });
  });
});
