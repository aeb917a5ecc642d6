import type { Core } from '@strapi/strapi';
import { demoCategories, demoRoundup } from './demo/july';

/** The read-only routes the demo opens to anonymous readers. */
const PUBLIC_READ_ACTIONS = [
  'plugin::roundup.roundup.find',
  'plugin::roundup.roundup.findOne',
  'plugin::roundup.roundup.rendered',
  'plugin::roundup.category.find',
  'plugin::roundup.feed.find',
  'plugin::roundup.openapi.find',
  'plugin::roundup.changes.find',
  'plugin::roundup.search.find',
];

/**
 * Grants the Public role each read action once. An administrator who later
 * revokes one in Settings → Users & Permissions keeps it revoked; an action
 * added in a later version is granted at the next start.
 */
const grantPublicRead = async (strapi: Core.Strapi) => {
  const store = strapi.store({ type: 'app', name: 'roundup-demo', key: 'public-read-granted' });
  const stored = await store.get({});
  // Before actions were remembered one by one, `true` stood for the first five.
  const granted: string[] = Array.isArray(stored)
    ? stored
    : stored
      ? PUBLIC_READ_ACTIONS.slice(0, 5)
      : [];
  const missing = PUBLIC_READ_ACTIONS.filter((action) => !granted.includes(action));
  if (missing.length === 0) return;
  const role = await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'public' }, select: ['id'] });
  if (!role) return;
  for (const action of missing) {
    const permissions = strapi.db.query('plugin::users-permissions.permission');
    if (!(await permissions.findOne({ where: { action, role: role.id } }))) {
      await permissions.create({ data: { action, role: role.id } });
    }
  }
  await store.set({ value: [...granted, ...missing] });
};

/** Loads the July demo roundup, published, into a database that has no roundups. */
const seedDemo = async (strapi: Core.Strapi) => {
  if (process.env.ROUNDUP_SEED_DEMO === 'false') return;
  if ((await strapi.db.query('plugin::roundup.roundup').count()) > 0) return;

  await strapi.db.transaction(async () => {
    const categoryIds = new Map<string, string>();
    for (const category of demoCategories) {
      const existing = await strapi.db
        .query('plugin::roundup.category')
        .findOne({ where: { name: category.name }, select: ['documentId'] });
      const documentId =
        existing?.documentId ??
        (await strapi.documents('plugin::roundup.category').create({ data: category })).documentId;
      categoryIds.set(category.name, documentId);
    }

    const { sections, ...fields } = demoRoundup;
    const roundup = await strapi
      .documents('plugin::roundup.roundup')
      .create({ data: fields as DocumentData });
    const entryIds: string[] = [];
    for (const [section, entries] of Object.entries(sections)) {
      for (const entry of entries) {
        const created = await strapi.documents('plugin::roundup.entry').create({
          data: { ...entry, category: categoryIds.get(section) } as DocumentData,
        });
        entryIds.push(created.documentId);
      }
    }
    await strapi.documents('plugin::roundup.roundup').update({
      documentId: roundup.documentId,
      data: { entries: { set: entryIds } } as DocumentData,
    });
    await strapi.documents('plugin::roundup.roundup').publish({ documentId: roundup.documentId });
  });
  strapi.log.info(`[roundup] Loaded the demo roundup "${demoRoundup.title}"`);
};

/**
 * What the demo writes through the Document Service. The app has no generated
 * types for the plugin's content types, so Strapi types their data loosely.
 */
type DocumentData = Parameters<ReturnType<Core.Strapi['documents']>['create']>[0]['data'];

export default {
  register() {},
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await grantPublicRead(strapi);
    await seedDemo(strapi);
  },
};
