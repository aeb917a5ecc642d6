'use strict';
/**
 * The app `npm run bench:archive` measures: Strapi on its own SQLite file with
 * an archive of ROUNDUP_BENCH_ROUNDUPS published roundups of
 * ROUNDUP_BENCH_LINKS links each (every tenth link also in an earlier roundup,
 * so that cards have duplicates) and ROUNDUP_BENCH_INBOX links in the inbox.
 * The archive is written in bulk, in the shape the Document Service writes
 * (a draft and a published row per roundup, each link joined to both), so
 * that thousands of roundups take seconds, not an hour of imports.
 * Prints "ready <port>".
 */
const crypto = require('node:crypto');
const { themeWord } = require('./bench-lib');
const { run } = require('./serve-app');

const ROUNDUPS = Number(process.env.ROUNDUP_BENCH_ROUNDUPS ?? 70);
const LINKS = Number(process.env.ROUNDUP_BENCH_LINKS ?? 20);
const INBOX = Number(process.env.ROUNDUP_BENCH_INBOX ?? 40);
const CHUNK = 100;

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const documentId = () =>
  Array.from(crypto.randomBytes(24), (byte) => ALPHABET[byte % ALPHABET.length]).join('');

const dayBefore = (days) =>
  new Date(Date.UTC(2026, 6, 31) - days * 86400000).toISOString().slice(0, 10);

const commentary = (n, theme) =>
  `Link ${n} explains one idea clearly, with a [reference](https://example.org/ref/${n}) and a few sentences ` +
  'of commentary about why it is worth reading: what it gets right, what it leaves out, and who should read it next.' +
  (theme ? ` Filed under ${theme}.` : '');

/** Inserts `rows` into `uid` with the Query Engine (types converted per database) and returns their ids in order. */
const insertRows = async (strapi, uid, rows) => {
  if (rows.length === 0) return [];
  await strapi.db.query(uid).createMany({ data: rows });
  const found = await strapi.db.query(uid).findMany({
    where: {
      documentId: { $in: rows.map((row) => row.documentId) },
      ...(rows[0].publishedAt ? { publishedAt: { $notNull: true } } : {}),
    },
    select: ['id', 'documentId'],
  });
  const ids = new Map(found.map((row) => [row.documentId, row.id]));
  return rows.map((row) => ids.get(row.documentId));
};

const seed = async (strapi) => {
  if ((await strapi.db.query('plugin::roundup.roundup').count()) > 0) return;
  const names = ['Articles & Learning', 'Videos', 'Neat Open Source Projects', 'Tools'];
  const categories = [];
  for (const [i, name] of names.entries()) {
    const created = await strapi
      .documents('plugin::roundup.category')
      .create({ data: { name, position: i + 1 } });
    categories.push(
      (
        await strapi.db
          .query('plugin::roundup.category')
          .findOne({ where: { documentId: created.documentId } })
      ).id
    );
  }
  const entryMeta = strapi.db.metadata.get('plugin::roundup.entry');
  const roundupLink = entryMeta.attributes.roundup.joinTable;
  const categoryLink = entryMeta.attributes.category.joinTable;
  const knex = strapi.db.connection;
  const now = Date.now();
  let link = 0;

  const entryRow = (n, { inbox, createdAt, theme }) => {
    // Every tenth link repeats one of an earlier roundup: the editor's cards look for such duplicates.
    const url =
      n % 10 === 0 && n > LINKS * 5
        ? `https://example.com/articles/${n - LINKS * 5}`
        : `https://example.com/articles/${n}`;
    return {
      documentId: documentId(),
      title: `Link number ${n}: a title of ordinary length`,
      url,
      // Left to the plugin, which fills it as it does for links written around the Document Service.
      canonicalUrl: null,
      author: n % 3 === 0 ? null : `Author ${n}`,
      description: commentary(n, theme),
      inInbox: inbox,
      createdAt: new Date(createdAt),
      updatedAt: new Date(createdAt),
      publishedAt: new Date(createdAt),
    };
  };

  for (let start = 0; start < ROUNDUPS; start += CHUNK) {
    const size = Math.min(CHUNK, ROUNDUPS - start);
    await strapi.db.transaction(async ({ trx }) => {
      const fields = Array.from({ length: size }, (_, k) => {
        const i = start + k + 1;
        return {
          documentId: documentId(),
          title: `What I read, part ${i}`,
          slug: `part-${i}`,
          date: dayBefore(ROUNDUPS - i),
          excerpt: `The ${LINKS} links of part ${i}.`,
          intro: 'What I read this time.',
          outro: 'Until next time.',
          layout: 'post',
          createdAt: new Date(now),
          updatedAt: new Date(now),
        };
      });
      const drafts = await insertRows(
        strapi,
        'plugin::roundup.roundup',
        fields.map((row) => ({ ...row, publishedAt: null }))
      );
      const published = await insertRows(
        strapi,
        'plugin::roundup.roundup',
        fields.map((row) => ({ ...row, publishedAt: new Date(now) }))
      );
      const entries = [];
      fields.forEach((_, k) => {
        const theme = themeWord(start + k + 1);
        for (let j = 0; j < LINKS; j += 1) {
          link += 1;
          entries.push(entryRow(link, { inbox: false, createdAt: now - 86400000, theme }));
        }
      });
      const entryIds = await insertRows(strapi, 'plugin::roundup.entry', entries);
      const roundupRows = [];
      const categoryRows = [];
      entryIds.forEach((entryId, n) => {
        const k = Math.floor(n / LINKS);
        const order = (n % LINKS) + 1;
        for (const roundupId of [drafts[k], published[k]]) {
          roundupRows.push({
            [roundupLink.joinColumn.name]: entryId,
            [roundupLink.inverseJoinColumn.name]: roundupId,
            [roundupLink.inverseOrderColumnName]: order,
          });
        }
        categoryRows.push({
          [categoryLink.joinColumn.name]: entryId,
          [categoryLink.inverseJoinColumn.name]: categories[n % categories.length],
        });
      });
      await knex.batchInsert(roundupLink.name, roundupRows, 500).transacting(trx);
      await knex.batchInsert(categoryLink.name, categoryRows, 500).transacting(trx);
    });
  }
  const inbox = Array.from({ length: INBOX }, (_, i) =>
    entryRow(1000000 + i, { inbox: true, createdAt: now - i * 1000 })
  );
  const inboxIds = await insertRows(strapi, 'plugin::roundup.entry', inbox);
  await knex.batchInsert(
    categoryLink.name,
    inboxIds.map((entryId, n) => ({
      [categoryLink.joinColumn.name]: entryId,
      [categoryLink.inverseJoinColumn.name]: categories[n % categories.length],
    })),
    500
  );
  await strapi.plugin('roundup').service('content-rules').fillCanonicalUrls();
  await strapi.plugin('roundup').service('content-version').bump();
};

run(seed);
