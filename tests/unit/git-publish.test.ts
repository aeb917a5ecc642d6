import {
  commitMessage,
  decideFile,
  gitTargetIssues,
  gitTargetSchema,
  pathTemplateProblem,
  roundupFilePath,
  type FileState,
} from '../../plugins/roundup/server/src/core/git';

describe('path templates', () => {
  it.each([
    ['_posts/{date}-{slug}.md', '_posts/2026-07-31-july.md'],
    ['content/posts/{slug}/index.md', 'content/posts/july/index.md'],
    ['{year}/{month}/{day}/{slug}.md', '2026/07/31/july.md'],
    ['posts/{slug}-{slug}.md', 'posts/july-july.md'],
  ])('%s names %s', (template, file) => {
    expect(pathTemplateProblem(template)).toBeNull();
    expect(roundupFilePath(template, { date: '2026-07-31', slug: 'july' })).toBe(file);
  });

  it.each([
    ['', 'must not be empty'],
    ['/_posts/{slug}.md', 'must be relative to the root of the repository'],
    ['_posts/{date}.md', 'must hold {slug}, so that each roundup has a file'],
    [
      '_posts/{title}-{slug}.md',
      'uses {title}; the placeholders are {date}, {year}, {month}, {day}, {slug}',
    ],
    ['_posts/../{slug}.md', 'must not hold empty, "." or ".." segments'],
    ['_posts//{slug}.md', 'must not hold empty, "." or ".." segments'],
    ['.git/{slug}', 'must not write into .git'],
    ['_posts\\{slug}.md', 'must not hold \\ : * ? " < > | or control characters'],
  ])('refuses %j: %s', (template, problem) => {
    expect(pathTemplateProblem(template)).toBe(problem);
  });
});

describe('commit messages', () => {
  const templates = { message: 'Publish "{title}"', removeMessage: 'Remove {slug} of {date}' };
  const july = { title: 'July', slug: 'july', date: '2026-07-31', removed: false };
  const june = { title: 'June', slug: 'june', date: '2026-06-30', removed: true };

  it.each([
    [[july], 'Publish "July"\n'],
    [[june], 'Remove june of 2026-06-30\n'],
    [[july, june], 'Update 2 roundups\n\n- Remove june of 2026-06-30\n- Publish "July"\n'],
  ])('%#', (roundups, message) => {
    expect(commitMessage(templates, roundups)).toBe(message);
  });
});

describe('what happens to a file', () => {
  const cases: [string, FileState, string][] = [
    ['a new file', { known: null, remote: null, wanted: 'a' }, 'write'],
    ['a change to our file', { known: 'a', remote: 'a', wanted: 'b' }, 'write'],
    ['nothing changed', { known: 'a', remote: 'a', wanted: 'a' }, 'keep'],
    ['the branch holds it already', { known: null, remote: 'a', wanted: 'a' }, 'adopt'],
    ['someone edited our file', { known: 'a', remote: 'x', wanted: 'b' }, 'conflict'],
    ['someone deleted our file', { known: 'a', remote: null, wanted: 'b' }, 'conflict'],
    ['a file we never wrote', { known: null, remote: 'x', wanted: 'b' }, 'conflict'],
    [
      'an editor chose to overwrite that version',
      {
        known: 'a',
        remote: 'x',
        wanted: 'b',
        resolution: { choice: 'overwrite', remoteBlob: 'x' },
      },
      'write',
    ],
    [
      'an editor chose to overwrite an older version',
      {
        known: 'a',
        remote: 'y',
        wanted: 'b',
        resolution: { choice: 'overwrite', remoteBlob: 'x' },
      },
      'conflict',
    ],
    [
      'an editor chose to skip',
      { known: 'a', remote: 'x', wanted: 'b', resolution: { choice: 'skip', remoteBlob: 'x' } },
      'skip',
    ],
    ['unpublished: our file goes', { known: 'a', remote: 'a', wanted: null }, 'remove'],
    ['unpublished: already gone', { known: 'a', remote: null, wanted: null }, 'forget'],
    ['unpublished: someone edited it', { known: 'a', remote: 'x', wanted: null }, 'conflict'],
    [
      'unpublished, edited, skipped: it is theirs now',
      { known: 'a', remote: 'x', wanted: null, resolution: { choice: 'skip', remoteBlob: 'x' } },
      'forget',
    ],
    ['never ours: never touched', { known: null, remote: 'x', wanted: null }, 'keep'],
  ];
  it.each(cases)('%s', (_, state, decision) => {
    expect(decideFile(state)).toBe(decision);
  });
});

describe('Git target settings', () => {
  it('fills the defaults', () => {
    expect(
      gitTargetSchema.parse({ name: 'site', url: 'https://git.example.com/site.git' })
    ).toEqual({
      name: 'site',
      url: 'https://git.example.com/site.git',
      branch: 'main',
      path: '_posts/{date}-{slug}.md',
      username: 'x-access-token',
      format: 'markdown',
      author: { name: 'Roundup', email: 'roundup@localhost' },
      message: 'Publish "{title}"',
      removeMessage: 'Remove "{title}"',
      debounceMs: 5000,
      maxWaitMs: 60000,
      retry: { baseDelayMs: 5000, maxDelayMs: 36000000, maxAttempts: 16 },
    });
  });

  const base = { name: 'site', url: 'https://git.example.com/site.git' };
  it.each([
    [{ url: 'file:///srv/site.git' }, 'url', 'must be an absolute http(s) URL'],
    [
      { url: 'https://me:token@git.example.com/x.git' },
      'url',
      'must not hold a user name or password; name the token in tokenEnv',
    ],
    [{ branch: '../main' }, 'branch', 'must be a branch name'],
    [{ path: '_posts/{date}.md' }, 'path', 'must hold {slug}, so that each roundup has a file'],
    [{ tokenEnv: 'ghp_abc def' }, 'tokenEnv', 'must name an environment variable'],
    [{ format: 'html' }, 'format', 'must be "markdown" or "hugo"'],
    [{ message: 'two\nlines' }, 'message', 'must be one line'],
    [{ debounceMs: 5000, maxWaitMs: 10 }, 'maxWaitMs', 'must not be shorter than debounceMs'],
    [{ token: 'ghp_secret' }, '', 'Unrecognized key: "token"'],
  ])('refuses %j, naming %s', (change, path, message) => {
    const result = gitTargetSchema.safeParse({ ...base, ...change });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual([
      path,
      message,
    ]);
  });

  it.each([
    [
      { token: 'ghp_secret' },
      'token: is never stored; name the environment variable that holds it in tokenEnv',
    ],
    [{ colour: 'blue' }, 'colour: is not a Git target setting'],
    [
      { author: { name: 'A', email: 'a@b.c', url: 'x' } },
      'author.url: is not a Git target setting',
    ],
    [{ author: { name: '', email: 'a@b.c' } }, 'author.name: must not be empty'],
    [{ branch: '../main' }, 'branch: must be a branch name'],
  ])('names the field of %j for the admin routes', (change, problem) => {
    const result = gitTargetSchema.safeParse({ ...base, ...change });
    expect(gitTargetIssues(result.error!).map((i) => `${i.path}: ${i.message}`)).toEqual([problem]);
  });
});
