import { docs, loginAdmin, type AdminClient } from '../helpers/admin';
import { renderedText, startApp, type TestApp } from '../helpers/app';
import { startAppProcess } from '../helpers/app-process';
import { readClone, startGitServer, type GitServer } from '../helpers/git-server';
import { waitFor } from '../helpers/receiver';

const JULY = 'what-ive-been-reading-in-july';
const JULY_FILE = '_posts/2026-07-31-what-ive-been-reading-in-july.md';
const HUGO_FILE = `content/posts/${JULY}.md`;
const TOKEN = 'admin-site-token-1';
const CONFIG_TARGETS = (url: string) => JSON.stringify([{ name: 'from-config', url }]);

let server: GitServer;
let app: TestApp;
let admin: AdminClient;

beforeAll(async () => {
  server = await startGitServer({ user: 'roundup', password: TOKEN });
  await server.createRepository('site', { 'README.md': '# The site\n' });
  await server.createRepository('blog', { 'hugo.toml': 'title = "Blog"\n' });
  await server.createRepository('config', { 'README.md': '# Config target\n' });
  process.env.ROUNDUP_TEST_ADMIN_GIT_TOKEN = TOKEN;
  app = await startApp({
    database: 'git_targets_admin',
    env: {
      ROUNDUP_WEBHOOK_POLL_MS: '100',
      // The Git server listens on 127.0.0.1, which the outbound guard refuses unless allowed.
      ROUNDUP_OUTBOUND_ALLOW: '127.0.0.1',
      ROUNDUP_GIT_TARGETS: CONFIG_TARGETS(server.url('config')),
    },
  });
  admin = await loginAdmin(app);
});
afterAll(async () => {
  await app?.stop();
  await server?.close();
});

type Target = { id: number; name: string; source: string; [key: string]: unknown };
const targets = async (): Promise<Target[]> =>
  (await admin.get('/roundup/git-targets').expect(200)).body.data;
const named = async (name: string) => (await targets()).find((t) => t.name === name);
const settled = async (id: number) => {
  await waitFor(
    async () => {
      const list = (await admin.get(`/roundup/deliveries?target=${id}`).expect(200)).body.data;
      return (
        list.length > 0 &&
        list.every((d: { state: string }) => !['pending', 'sending'].includes(d.state))
      );
    },
    `the deliveries to target ${id}`,
    40_000
  );
  return (await admin.get(`/roundup/deliveries?target=${id}`).expect(200)).body.data;
};
/** Unpublishes and publishes July again: one commit to every target. */
const republishJuly = async () => {
  const july = await docs(app.strapi, 'roundup').findFirst({ filters: { slug: JULY } });
  await docs(app.strapi, 'roundup').publish({ documentId: july.documentId });
};
const fileRecords = (targetId: number) =>
  app.strapi.db.query('plugin::roundup.git-file').count({ where: { targetId } });

const siteInput = () => ({
  name: 'site from the admin',
  url: server.url('site'),
  branch: 'main',
  path: '_posts/{date}-{slug}.md',
  tokenEnv: 'ROUNDUP_TEST_ADMIN_GIT_TOKEN',
  username: 'roundup',
  format: 'markdown',
  author: { name: 'Site Editor', email: 'editor@example.com' },
  message: 'Roundup: {title}',
  debounceMs: 200,
});

describe('Git targets made in the admin panel', () => {
  let site: Target;

  it('adds a target that commits the roundup published next, answering without a token', async () => {
    const created = await admin.post('/roundup/git-targets').send(siteInput()).expect(201);
    site = created.body.data;
    expect(site).toMatchObject({
      name: 'site from the admin',
      url: server.url('site'),
      source: 'admin',
      tokenEnv: 'ROUNDUP_TEST_ADMIN_GIT_TOKEN',
      hasToken: true,
      format: 'markdown',
      author: { name: 'Site Editor', email: 'editor@example.com' },
      lastCommit: null,
    });
    expect(JSON.stringify(created.body)).not.toContain(TOKEN);
    expect(await named('site from the admin')).toMatchObject({ id: site.id, source: 'admin' });

    await republishJuly();
    const [delivery] = await settled(site.id);
    const log = await server.log('site');
    expect(log[0].line).toBe("Site Editor Roundup: What I've been reading in July");
    expect(delivery).toMatchObject({ state: 'delivered', commitId: log[0].id });
    const clone = await server.clone('site');
    expect(readClone(clone, JULY_FILE)).toBe(await renderedText(app, JULY));
    expect(readClone(clone, 'README.md')).toBe('# The site\n');
    expect(await named('site from the admin')).toMatchObject({ lastCommit: log[0].id });
    expect(JSON.stringify(await targets())).not.toContain(TOKEN);
  });

  it.each([
    ['a URL that is no URL', { url: 'not a url' }, /^url: must be an absolute http\(s\) URL/],
    ['a token in the URL', { url: `http://roundup:${TOKEN}@127.0.0.1/site.git` }, /^url: /],
    ['a token itself', { token: TOKEN }, /^token: is never stored/],
    ['a bad branch', { branch: 'no..dots' }, /^branch: must be a branch name/],
    ['a bad format', { format: 'html' }, /^format: must be "markdown" or "hugo"/],
    ['a bad variable name', { tokenEnv: 'NOT A NAME' }, /^tokenEnv: must name an environment/],
    ['an empty author', { author: { name: '', email: 'a@b.c' } }, /^author\.name: must not be/],
    ['a path with no slug', { path: 'posts/{date}.md' }, /^path: /],
    ['an unknown setting', { colour: 'blue' }, /^colour: is not a Git target setting/],
    // Only 127.0.0.1 is allowed here: the guard refuses another loopback address as it refuses
    // every address the allowlist does not name (the private and public ranges themselves are
    // classified in tests/unit/outbound-*), so even a broken guard sends nothing off the machine.
    ['an address the allowlist does not name', { url: 'http://127.0.0.2/site.git' }, /^url: /],
  ])('refuses %s with a 400 naming the field, and stores nothing', async (_, change, message) => {
    const before = await targets();
    const body = { ...siteInput(), name: 'refused', ...change };
    const answer = await admin.post('/roundup/git-targets').send(body).expect(400);
    expect(answer.body.error.message).toMatch(message);
    expect(JSON.stringify(answer.body)).not.toContain(TOKEN);
    const changed = await admin.put(`/roundup/git-targets/${site.id}`).send(body).expect(400);
    expect(changed.body.error.message).toMatch(message);
    expect(await targets()).toEqual(before);
  });

  it('refuses a name another target holds with a 409 naming where it is declared', async () => {
    const before = await targets();
    const answer = await admin
      .post('/roundup/git-targets')
      .send({ ...siteInput(), name: 'from-config' })
      .expect(409);
    expect(answer.body.error.message).toBe(
      'name: a Git target named "from-config" exists already in config/plugins.ts'
    );
    expect(await targets()).toEqual(before);
  });

  it('changes a target: the next roundup goes to its new repository, path and format', async () => {
    const edit = {
      ...siteInput(),
      name: 'blog from the admin',
      url: server.url('blog'),
      path: 'content/posts/{slug}.md',
      format: 'hugo',
    };
    const changed = await admin.put(`/roundup/git-targets/${site.id}`).send(edit).expect(200);
    expect(changed.body.data).toMatchObject({
      id: site.id,
      name: 'blog from the admin',
      format: 'hugo',
      source: 'admin',
      // Another repository: the commit and file records of the old one do not carry over.
      lastCommit: null,
    });
    expect(await fileRecords(site.id)).toBe(0);
    expect((await targets()).map((t) => t.name)).toEqual(['from-config', 'blog from the admin']);

    await republishJuly();
    await waitFor(async () => (await server.log('blog')).length === 2, 'a commit to the blog');
    await settled(site.id);
    expect(readClone(await server.clone('blog'), HUGO_FILE)).toBe(
      await renderedText(app, JULY, 'hugo')
    );
  });

  it('deletes a target and its file records, leaving its files in the repository', async () => {
    expect(await fileRecords(site.id)).toBeGreaterThan(0);
    const commits = (await server.log('blog')).length;
    await admin.del(`/roundup/git-targets/${site.id}`).expect(204);
    expect((await targets()).map((t) => t.name)).toEqual(['from-config']);
    expect(await fileRecords(site.id)).toBe(0);
    expect(await server.log('blog')).toHaveLength(commits);
    expect(readClone(await server.clone('blog'), HUGO_FILE)).toBe(
      await renderedText(app, JULY, 'hugo')
    );
    await admin.del(`/roundup/git-targets/${site.id}`).expect(404);
  });

  it('refuses to change or delete a target from config/plugins.ts, naming the file', async () => {
    const before = await targets();
    const config = before.find((t) => t.name === 'from-config')!;
    expect(config.source).toBe('config');
    const changed = await admin
      .put(`/roundup/git-targets/${config.id}`)
      .send({ ...siteInput(), name: 'from-config' })
      .expect(400);
    expect(changed.body.error.message).toBe(
      'Git target "from-config" is declared in config/plugins.ts; change it there'
    );
    const deleted = await admin.del(`/roundup/git-targets/${config.id}`).expect(400);
    expect(deleted.body.error.message).toBe(
      'Git target "from-config" is declared in config/plugins.ts; remove it there'
    );
    expect(await targets()).toEqual(before);
  });

  it('takes a row stored before targets had a source as one from config', async () => {
    const config = (await named('from-config'))!;
    await app.strapi.db
      .query('plugin::roundup.git-target')
      .update({ where: { id: config.id }, data: { source: null } });
    expect(await named('from-config')).toMatchObject({ id: config.id, source: 'config' });
    await admin.del(`/roundup/git-targets/${config.id}`).expect(400);
  });

  it('needs the build-hooks permission', async () => {
    const reader = await loginAdmin(app, { actions: ['plugin::roundup.read'] });
    const before = await targets();
    await reader.get('/roundup/git-targets').expect(403);
    await reader.post('/roundup/git-targets').send(siteInput()).expect(403);
    await reader.put(`/roundup/git-targets/${before[0].id}`).send(siteInput()).expect(403);
    await reader.del(`/roundup/git-targets/${before[0].id}`).expect(403);
    await app.http().post('/roundup/git-targets').send(siteInput()).expect(401);
    expect(await targets()).toEqual(before);
  });

  it('keeps admin targets across a restart, and stops startup when config takes one’s name', async () => {
    const added = (
      await admin
        .post('/roundup/git-targets')
        .send({ ...siteInput(), name: 'kept' })
        .expect(201)
    ).body.data;
    // Another process on the same database, with the same config: it starts, and changes nothing.
    const second = await startAppProcess();
    await second.stop();
    expect((await targets()).map((t) => [t.name, t.source])).toEqual([
      ['from-config', 'config'],
      ['kept', 'admin'],
    ]);
    const clash = JSON.stringify([{ name: 'kept', url: server.url('config') }]);
    await expect(startAppProcess({ ROUNDUP_GIT_TARGETS: clash })).rejects.toThrow(
      /roundup config.*git\.targets\.0\.name.*"kept" is the name of a Git target made in the admin panel/
    );
    expect(await named('kept')).toMatchObject({ id: added.id, source: 'admin' });
  });
});
