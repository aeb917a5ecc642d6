import fs from 'node:fs';
import path from 'node:path';
import { docs, createSuperAdmin, loginAdmin, type AdminClient } from '../helpers/admin';
import { renderedText, startApp, type TestApp } from '../helpers/app';
import { SHARED_WRITES, startAppProcess } from '../helpers/app-process';
import { readClone, startGitServer, type GitServer } from '../helpers/git-server';
import { waitFor } from '../helpers/receiver';

const JULY = 'what-ive-been-reading-in-july';
const JULY_FILE = '_posts/2026-07-31-what-ive-been-reading-in-july.md';
const TOKEN = 'site-token-1';
const ADMIN_EMAIL = 'git-admin@example.com';
const SITE_FILES = {
  'README.md': '# The site\n',
  '_config.yml': 'title: The site\n',
  '_posts/2020-01-01-hello.md': '---\ntitle: Hello\n---\nWritten by hand.\n',
};

let server: GitServer;
let app: TestApp;
let admin: AdminClient;

beforeAll(async () => {
  server = await startGitServer({ user: 'roundup', password: TOKEN });
  await server.createRepository('site', SITE_FILES);
  await server.createRepository('hugo', { 'hugo.toml': 'title = "Hugo site"\n' });
  process.env.ROUNDUP_TEST_GIT_TOKEN = TOKEN;
  delete process.env.ROUNDUP_TEST_HUGO_TOKEN;
  const retry = { baseDelayMs: 200, maxDelayMs: 600, maxAttempts: 100 };
  app = await startApp({
    database: 'git_publish',
    env: {
      ROUNDUP_WEBHOOK_POLL_MS: '100',
      // The Git server listens on 127.0.0.1, which the outbound guard refuses unless allowed.
      ROUNDUP_OUTBOUND_ALLOW: '127.0.0.1',
      ROUNDUP_GIT_TARGETS: JSON.stringify([
        {
          name: 'site',
          url: server.url('site'),
          username: 'roundup',
          tokenEnv: 'ROUNDUP_TEST_GIT_TOKEN',
          author: { name: 'Roundup', email: 'roundup@example.com' },
          // Wide enough that a pause of a busy machine between two edits of a burst (through
          // one instance or two) cannot split it into two commits.
          debounceMs: 4000,
          maxWaitMs: 120_000,
          retry,
        },
        {
          name: 'hugo',
          url: server.url('hugo'),
          username: 'roundup',
          tokenEnv: 'ROUNDUP_TEST_HUGO_TOKEN',
          path: 'content/posts/{slug}.md',
          format: 'hugo',
          debounceMs: 300,
          retry,
        },
      ]),
    },
  });
  admin = await loginAdmin(app);
  // An administrator with a known password, to log in to a second instance.
  await createSuperAdmin(app, ADMIN_EMAIL, 'Git');
});
afterAll(async () => {
  await app?.stop();
  await server?.close();
});

const targets = async () => (await admin.get('/roundup/git-targets').expect(200)).body.data;
const targetId = async (name: string) =>
  (await targets()).find((target: { name: string }) => target.name === name).id as number;
const deliveries = async (name: string) =>
  (await admin.get(`/roundup/deliveries?target=${await targetId(name)}`).expect(200)).body.data;
/** Waits until every delivery to `name` is settled one way or another. */
const settled = async (name: string) => {
  await waitFor(
    async () => {
      const list = await deliveries(name);
      return (
        list.length > 0 &&
        list.every((d: { state: string }) => !['pending', 'sending'].includes(d.state))
      );
    },
    `the deliveries to ${name}`,
    40_000
  );
  return deliveries(name);
};
const julyEntry = async () => {
  const july = await docs(app.strapi, 'roundup').findFirst({
    filters: { slug: JULY },
    status: 'published',
    populate: { entries: true },
  });
  return july.entries[0].documentId as string;
};
const editJuly = async (description: string) =>
  docs(app.strapi, 'entry').update({ documentId: await julyEntry(), data: { description } });

describe('publishing by commit', () => {
  it('commits the published July roundup, byte for byte as /rendered serves it, beside the site’s own files', async () => {
    const [delivery] = await settled('site');
    const log = await server.log('site');
    expect(log[0].line).toBe('Roundup Publish "What I\'ve been reading in July"');
    expect(log[1].line).toBe('Someone Else Start the site');
    expect(delivery).toMatchObject({
      state: 'delivered',
      commitId: log[0].id,
      event: 'git.commit',
    });

    const clone = await server.clone('site');
    expect(fs.readFileSync(path.join(clone, JULY_FILE))).toEqual(
      Buffer.from(await renderedText(app, JULY))
    );
    for (const [file, content] of Object.entries(SITE_FILES))
      expect(readClone(clone, file)).toBe(content);
    const [site] = (await targets()).filter((t: { name: string }) => t.name === 'site');
    expect(site).toMatchObject({ lastCommit: log[0].id, hasToken: true, conflicts: [] });
    expect(JSON.stringify(await targets())).not.toContain(TOKEN);
  });

  it('makes one commit of 20 edits in a burst', async () => {
    const before = (await server.log('site')).length;
    for (let i = 1; i <= 20; i += 1) await editJuly(`Edit ${i} of the burst.`);
    await settled('site');
    const log = await server.log('site');
    expect(log).toHaveLength(before + 1);
    expect(await server.changed('site', log[0].id)).toEqual([`M\t${JULY_FILE}`]);
    const clone = await server.clone('site');
    expect(readClone(clone, JULY_FILE)).toContain('Edit 20 of the burst.');
    expect(readClone(clone, JULY_FILE)).toBe(await renderedText(app, JULY));
    const [latest] = await deliveries('site');
    expect(latest).toMatchObject({ state: 'delivered', events: 20, commitId: log[0].id });
  });

  it('commits on top of a commit someone else pushed meanwhile', async () => {
    const theirs = await server.commitAsSomeoneElse(
      'site',
      { 'about.md': 'About us\n' },
      'Add about'
    );
    await editJuly('An edit after theirs.');
    await settled('site');
    const log = await server.log('site');
    expect(log[1]).toEqual({ id: theirs, line: 'Someone Else Add about' });
    expect(log[0].line).toBe('Roundup Publish "What I\'ve been reading in July"');
    const clone = await server.clone('site');
    expect(readClone(clone, 'about.md')).toBe('About us\n');
    expect(readClone(clone, JULY_FILE)).toBe(await renderedText(app, JULY));
  });

  it('leaves a file someone else edited alone and shows the conflict until an editor overwrites it', async () => {
    const edited = `${readClone(await server.clone('site'), JULY_FILE)}\nA note added in the repository.\n`;
    const theirs = await server.commitAsSomeoneElse(
      'site',
      { [JULY_FILE]: edited },
      'Note on July'
    );
    await editJuly('An edit that meets theirs.');
    const [delivery] = await settled('site');
    expect(delivery).toMatchObject({
      state: 'conflict',
      conflicts: [{ path: JULY_FILE, remoteCommit: theirs }],
    });
    expect((await targets()).find((t: { name: string }) => t.name === 'site').conflicts).toEqual([
      { delivery: delivery.id, path: JULY_FILE, remoteCommit: theirs },
    ]);
    // Nothing is retried meanwhile: their version stays.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await server.log('site'))[0].id).toBe(theirs);
    expect(readClone(await server.clone('site'), JULY_FILE)).toBe(edited);

    await admin
      .post(`/roundup/deliveries/${delivery.id}/resolve`)
      .send({ path: JULY_FILE, choice: 'sideways' })
      .expect(400);
    await admin
      .post(`/roundup/deliveries/${delivery.id}/resolve`)
      .send({ path: JULY_FILE, choice: 'overwrite' })
      .expect(202);
    await settled('site');
    expect((await server.log('site'))[1].id).toBe(theirs);
    expect(readClone(await server.clone('site'), JULY_FILE)).toBe(await renderedText(app, JULY));
    expect((await targets()).find((t: { name: string }) => t.name === 'site').conflicts).toEqual(
      []
    );
  });

  it('names the status of a refused token, retries, and delivers once the token is right', async () => {
    const before = (await server.log('site')).length;
    process.env.ROUNDUP_TEST_GIT_TOKEN = 'a-wrong-token';
    let refused: { id: number; attempts: number; state: string } | undefined;
    try {
      await editJuly('An edit made while the token is wrong.');
      await waitFor(async () => {
        [refused] = await deliveries('site');
        // Read between two attempts: waiting for the next one, not being sent.
        return refused!.attempts >= 2 && refused!.state === 'pending';
      }, 'two refused attempts');
      expect(refused).toMatchObject({
        state: 'pending',
        lastStatus: 401,
        lastError: 'The repository answered 401 Unauthorized',
      });
      expect(await server.log('site')).toHaveLength(before);
    } finally {
      process.env.ROUNDUP_TEST_GIT_TOKEN = TOKEN;
    }
    const [delivered] = await settled('site');
    expect(delivered).toMatchObject({ id: refused!.id, state: 'delivered' });
    expect(await server.log('site')).toHaveLength(before + 1);
    expect(readClone(await server.clone('site'), JULY_FILE)).toContain(
      'An edit made while the token is wrong.'
    );
  });

  // On PostgreSQL and MySQL/MariaDB only: see SHARED_WRITES.
  if (SHARED_WRITES)
    it('makes one commit of a burst spread over two instances', async () => {
      const before = (await server.log('site')).length;
      // The second instance inherits this one's environment: the same database and Git targets.
      const second = await startAppProcess();
      try {
        const login = await second
          .http()
          .post('/admin/login')
          .send({ email: ADMIN_EMAIL, password: 'Roundup-test-1' })
          .expect(200);
        const token = login.body.data.token ?? login.body.data.accessToken;
        const entry = await julyEntry();
        for (let i = 0; i < 10; i += 1) {
          await editJuly(`First instance, edit ${i}.`);
          const edit = await second
            .http()
            .put(`/content-manager/collection-types/plugin::roundup.entry/${entry}`)
            .set('Authorization', `Bearer ${token}`)
            .send({ description: `Second instance, edit ${i}.` });
          // The instance's own log says why, should it refuse an edit.
          if (edit.status !== 200)
            throw new Error(`second instance: ${edit.status}\n${second.output().slice(-4000)}`);
        }
        const [delivery] = await settled('site');
        // Both instances poll the outbox: a second commit would show here meanwhile.
        await new Promise((resolve) => setTimeout(resolve, 2000));
        const log = await server.log('site');
        expect(log).toHaveLength(before + 1);
        expect(delivery).toMatchObject({ state: 'delivered', events: 20, commitId: log[0].id });
        expect(readClone(await server.clone('site'), JULY_FILE)).toContain(
          'Second instance, edit 9.'
        );
      } finally {
        await second.stop();
      }
    });

  it('removes the file in a commit when the roundup is unpublished, and nothing else', async () => {
    const july = await docs(app.strapi, 'roundup').findFirst({ filters: { slug: JULY } });
    await docs(app.strapi, 'roundup').unpublish({ documentId: july.documentId });
    await settled('site');
    const log = await server.log('site');
    expect(log[0].line).toBe('Roundup Remove "What I\'ve been reading in July"');
    expect(await server.changed('site', log[0].id)).toEqual([`D\t${JULY_FILE}`]);
    const clone = await server.clone('site');
    expect(readClone(clone, JULY_FILE)).toBeNull();
    expect(readClone(clone, 'about.md')).toBe('About us\n');
    expect(readClone(clone, '_posts/2020-01-01-hello.md')).toBe(
      SITE_FILES['_posts/2020-01-01-hello.md']
    );
    await docs(app.strapi, 'roundup').publish({ documentId: july.documentId });
    await settled('site');
  });

  it('writes the whole published archive in Hugo’s format in one commit on "Sync now"', async () => {
    await settled('hugo');
    expect((await deliveries('hugo'))[0]).toMatchObject({
      state: 'failed',
      lastError: 'The environment variable ROUNDUP_TEST_HUGO_TOKEN holds no token',
    });
    expect(await server.log('hugo')).toHaveLength(1);
    process.env.ROUNDUP_TEST_HUGO_TOKEN = TOKEN;
    await admin.post(`/roundup/git-targets/${await targetId('hugo')}/sync`).expect(202);
    const [sync] = await settled('hugo');
    expect(sync).toMatchObject({ event: 'git.sync', state: 'delivered', lastError: null });
    const log = await server.log('hugo');
    expect(log).toHaveLength(2);
    expect(sync.commitId).toBe(log[0].id);
    expect(readClone(await server.clone('hugo'), `content/posts/${JULY}.md`)).toBe(
      await renderedText(app, JULY, 'hugo')
    );
  });
});
