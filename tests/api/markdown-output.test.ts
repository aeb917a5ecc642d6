import { docs, loginAdmin } from '../helpers/admin';
import { startApp, type TestApp } from '../helpers/app';
import { makeCategory, makeRoundup } from '../helpers/content';
import { buildPage, executableMarkup, RAN } from '../helpers/jekyll';

/** What an editor with the Author role could type into any Markdown field. */
const COMMENTARY = [
  'Read this.<br/>Really.',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<iframe src="https://evil.example/"></iframe>',
  '<form action=javascript:alert(1)><button>go</button></form>',
  '[x](jav&#x09;ascript:alert(1)) {{ page.title }} {% include_relative _config.yml %}',
  '[older post]({% post_url 2020-07-29-cortex-m-debug-monitor %})',
].join('\n\n');

const withVectors = async (app: TestApp) => {
  const category = await makeCategory(app.strapi, { name: `Vectors ${Date.now()}` });
  const roundup = await makeRoundup(app.strapi, {
    title: 'Vectors',
    slug: `vectors-${Date.now()}`,
    excerpt: '<svg onload=alert(1)>Excerpt',
    intro: '<object data=x></object>Intro',
    outro: '<style>body{}</style>Outro',
    sections: { [category.documentId]: ['entry'] },
    publish: false,
  });
  await docs(app.strapi, 'entry').update({
    documentId: roundup.entries.entry,
    data: { description: COMMENTARY },
  });
  await docs(app.strapi, 'roundup').publish({ documentId: roundup.documentId });
  return roundup;
};

describe('the Markdown output with the default configuration', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp({
      database: 'markdown-output',
      env: { ROUNDUP_WEBHOOK_POLL_MS: '60000' },
    });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('lets no vector in any field run on the site built from it', async () => {
    const { slug } = await withVectors(app);
    const res = await app
      .http()
      .get(`/api/roundup/roundups/${slug}/rendered?format=markdown`)
      .expect(200);
    const page = buildPage(res.text, { post_url: () => '/2020/07/29/cortex-m-debug-monitor/' });
    expect(executableMarkup(page)).toEqual([]);
    expect(page.text).not.toContain(RAN);
    expect(res.text).toContain('Read this.<br/>Really.');
    expect(res.text).toContain('[older post]({% post_url 2020-07-29-cortex-m-debug-monitor %})');
    expect(page.text).toContain('<script>alert(1)</script>');
    expect(page.text).toContain('{{ page.title }}');
  });

  it('keeps Liquid in titles, authors, URLs and section names from running', async () => {
    const liquid = '{{ 7 | times: 6 }} {% assign z = "x" %}{{ z }} {';
    const category = await makeCategory(app.strapi, { name: `{{ site.title }} ${Date.now()}` });
    const { slug, entries } = await makeRoundup(app.strapi, {
      title: `Liquid ${Date.now()}`,
      sections: { [category.documentId]: ['entry'] },
      publish: false,
    });
    await docs(app.strapi, 'entry').update({
      documentId: entries.entry,
      data: { title: liquid, author: '% raw %}{% comment %}', url: 'https://e.example/{{x}}' },
    });
    const roundup = await docs(app.strapi, 'roundup').findFirst({ filters: { slug } });
    await docs(app.strapi, 'roundup').publish({ documentId: roundup!.documentId });
    const res = await app
      .http()
      .get(`/api/roundup/roundups/${slug}/rendered?format=markdown`)
      .expect(200);
    expect(res.text).toContain(
      '* [&#123;&#123; 7 \\| times: 6 &#125;&#125; &#123;% assign z = "x" %&#125;&#123;&#123; z &#125;&#125; &#123;](https://e.example/&#123;&#123;x&#125;&#125;) by % raw %&#125;&#123;% comment %&#125;'
    );
    const page = buildPage(res.text);
    expect(page.text).not.toContain(RAN);
    expect(page.text).toContain(
      '{{ 7 | times: 6 }} {% assign z = "x" %}{{ z }} { by % raw %}{% comment %}'
    );
    expect(page.text).toContain('{{ site.title }}');
    // The same URL, as a CommonMark renderer normalises it.
    expect(page.elements.find((e) => e.name === 'a')?.attribs.href).toBe(
      'https://e.example/%7B%7Bx%7D%7D'
    );
  });

  it('resolves post_url to the site in the HTML output and the feeds', async () => {
    const { slug } = await withVectors(app);
    const html = await app
      .http()
      .get(`/api/roundup/roundups/${slug}/rendered?format=html`)
      .expect(200);
    expect(html.text).toContain(
      '<a href="http://localhost:4000/2020/07/29/cortex-m-debug-monitor/" rel="noopener noreferrer">older post</a>'
    );
    const feed = await app.http().get('/api/roundup/feed?format=json').expect(200);
    expect(JSON.stringify(feed.body)).toContain(
      'http://localhost:4000/2020/07/29/cortex-m-debug-monitor/'
    );
  });

  it("lists what the Markdown output changes in the editor's preview", async () => {
    const { documentId } = await withVectors(app);
    const admin = await loginAdmin(app, { actions: ['plugin::roundup.read'] });
    const { body } = await admin.get(`/roundup/roundups/${documentId}/preview`).expect(200);
    const messages: string[] = body.warnings.map((w: { message: string }) => w.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        '"<svg onload=alert(1)>" in the excerpt is not allowed raw HTML; it is shown as text',
        '"<script>" in the commentary of "entry" is not allowed raw HTML; it is shown as text',
        'the Liquid "{{ page.title }}" in the commentary of "entry" is shown as text, not run by the site',
      ])
    );
    expect(messages.join('\n')).not.toContain('<br/>');
  });

  it('lists it in the import dry run by line', async () => {
    const admin = await loginAdmin(app, { actions: ['plugin::roundup.import'] });
    const markdown = [
      '---',
      'title: Imported',
      'date: 2024-05-31',
      '---',
      '',
      '## Links',
      '* [T](https://e.example/) by A<br/>',
      '  Nice <iframe src=x></iframe> read.',
      '',
    ].join('\n');
    const { body } = await admin
      .post('/roundup/import')
      .send({ markdown, dryRun: true })
      .expect(200);
    expect(body.warnings).toEqual(
      expect.arrayContaining([
        {
          line: 8,
          message:
            '"<iframe src=x>" in the commentary of "T" is not allowed raw HTML; it is shown as text',
        },
      ])
    );
  });
});

describe('the Markdown output with ROUNDUP_MARKDOWN_RAW_HTML=keep', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp({
      database: 'markdown-output-keep',
      env: { ROUNDUP_WEBHOOK_POLL_MS: '60000', ROUNDUP_MARKDOWN_RAW_HTML: 'keep' },
    });
  });
  afterAll(async () => {
    await app?.stop();
    delete process.env.ROUNDUP_MARKDOWN_RAW_HTML;
  });

  it('keeps raw HTML as the editors wrote it, as before', async () => {
    const { slug, documentId } = await withVectors(app);
    const res = await app
      .http()
      .get(`/api/roundup/roundups/${slug}/rendered?format=markdown`)
      .expect(200);
    expect(res.text).toContain(
      '<!-- excerpt start -->\n<svg onload=alert(1)>Excerpt\n<!-- excerpt end -->'
    );
    expect(res.text).toContain('  <script>alert(1)</script>');
    expect(res.text).toContain('  <a href="javascript:alert(1)">x</a>');
    // Liquid stays inert: trusting editors' HTML is not running their templates.
    expect(res.text).toContain('{% raw %}{{% endraw %}{ page.title }}');
    const admin = await loginAdmin(app, { actions: ['plugin::roundup.read'] });
    const { body } = await admin.get(`/roundup/roundups/${documentId}/preview`).expect(200);
    expect(body.warnings.map((w: { message: string }) => w.message).join('\n')).not.toContain(
      'raw HTML'
    );
    // The HTML output is sanitized whatever this says.
    const html = await app
      .http()
      .get(`/api/roundup/roundups/${slug}/rendered?format=html`)
      .expect(200);
    expect(html.text).not.toContain('<script');
  });
});
