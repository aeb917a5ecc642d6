'use strict';
/**
 * The app the benchmark measures: Strapi on its own SQLite file with a
 * 14-link and a 500-link published roundup, and Public read access to them and
 * to the stock i18n locales route (the floor). Prints "ready <port>".
 */
const { run } = require('./serve-app');

const SIZES = [14, 500];

const commentary = (i) =>
  `Link ${i} explains one idea clearly, with a [reference](https://example.org/ref/${i}) and a few sentences ` +
  'of commentary about why it is worth reading: what it gets right, what it leaves out, and who should read it next.';

const seed = async (strapi) => {
  const documents = (uid) => strapi.documents(`plugin::roundup.${uid}`);
  if ((await strapi.db.query('plugin::roundup.roundup').count()) > 0) return;
  const names = ['Articles & Learning', 'Videos', 'Neat Open Source Projects', 'Tools'];
  const categories = [];
  for (const [i, name] of names.entries())
    categories.push(await documents('category').create({ data: { name, position: i + 1 } }));
  await strapi.db.transaction(async () => {
    for (const size of SIZES) {
      const roundup = await documents('roundup').create({
        data: {
          title: `Bench roundup with ${size} links`,
          slug: `bench-${size}`,
          date: '2026-07-31',
          excerpt: `A roundup of ${size} links.`,
          intro: 'What I read this month.',
          outro: 'Until next month.',
        },
      });
      const ids = [];
      for (let i = 1; i <= size; i += 1) {
        const entry = await documents('entry').create({
          data: {
            title: `Link number ${i}: a title of ordinary length`,
            url: `https://example.com/articles/${i}`,
            author: i % 3 === 0 ? null : `Author ${i}`,
            description: commentary(i),
            category: categories[i % categories.length].documentId,
          },
        });
        ids.push(entry.documentId);
      }
      await documents('roundup').update({
        documentId: roundup.documentId,
        data: { entries: { set: ids } },
      });
      await documents('roundup').publish({ documentId: roundup.documentId });
    }
  });
  const role = await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'public' } });
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  if (
    !(await permissions.findOne({
      where: { action: 'plugin::i18n.locales.listLocales', role: role.id },
    }))
  ) {
    await permissions.create({
      data: { action: 'plugin::i18n.locales.listLocales', role: role.id },
    });
  }
};

run(seed);
