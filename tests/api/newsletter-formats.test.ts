import { docs } from '../helpers/admin';
import { startApp, type TestApp } from '../helpers/app';
import { makeCategory, makeRoundup } from '../helpers/content';
import { emailDangers, emailLinks, textReferences } from '../helpers/newsletter';

let app: TestApp;
let section: string;

beforeAll(async () => {
  app = await startApp({ database: 'newsletter-formats' });
  section = (await makeCategory(app.strapi, { name: 'Formats', position: 70 })).documentId;
});
afterAll(async () => {
  await app?.stop();
});

const rendered = (slug: string, format: string) =>
  app.http().get(`/api/roundup/roundups/${slug}/rendered?format=${format}`);

describe('GET /api/roundup/roundups/:slug/rendered?format=email|text', () => {
  it('answers the email document and its text, each with an ETag, 304 when unchanged', async () => {
    const roundup = await makeRoundup(app.strapi, {
      title: 'Inbox month',
      excerpt: 'What the inbox shows first.',
      sections: { [section]: ['Inbox one', 'Inbox two'] },
    });
    const email = await rendered(roundup.slug, 'email').expect(200);
    expect(email.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(email.text).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(emailDangers(email.text)).toEqual([]);
    expect(emailLinks(email.text)).toEqual(
      expect.arrayContaining(['https://example.com/Inbox%20one', 'https://example.com/Inbox%20two'])
    );

    const text = await rendered(roundup.slug, 'text').expect(200);
    expect(text.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect([...textReferences(text.text).values()]).toEqual([
      'https://example.com/Inbox%20one',
      'https://example.com/Inbox%20two',
    ]);

    for (const [format, first] of [
      ['email', email],
      ['text', text],
    ] as const) {
      await app
        .http()
        .get(`/api/roundup/roundups/${roundup.slug}/rendered?format=${format}`)
        .set('If-None-Match', first.headers.etag)
        .expect(304);
    }
  });

  it('shows an edit at once: the cached email is made anew', async () => {
    const roundup = await makeRoundup(app.strapi, {
      title: 'Edited month',
      sections: { [section]: ['Edited one'] },
    });
    const before = await rendered(roundup.slug, 'email').expect(200);
    await docs(app.strapi, 'entry').update({
      documentId: roundup.entries['Edited one'],
      data: { title: 'Edited one, retitled' },
    });
    const after = await rendered(roundup.slug, 'email').expect(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.text).toContain('Edited one, retitled');
    expect((await rendered(roundup.slug, 'text').expect(200)).text).toContain(
      'Edited one, retitled'
    );
  });

  it('never shows a draft', async () => {
    const roundup = await makeRoundup(app.strapi, {
      title: 'Unpublished month',
      sections: { [section]: ['Secret one'] },
      publish: false,
    });
    await rendered(roundup.slug, 'email').expect(404);
    await rendered(roundup.slug, 'text').expect(404);
  });
});
