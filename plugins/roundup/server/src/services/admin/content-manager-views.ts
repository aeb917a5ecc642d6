import type { Core } from '@strapi/strapi';
import { CATEGORY_UID, ENTRY_UID, ROUNDUP_UID } from '../../uids';

/**
 * How the Content Manager shows our types to an editor: the list columns that
 * matter, the default sort, and a line of help under each field. Applied once
 * per layout version, so an editor's own later changes to the views stay.
 */
const LAYOUT_VERSION = 3;

interface ViewSpec {
  list: string[];
  sortBy: string;
  sortOrder: 'ASC' | 'DESC';
  mainField: string;
  help: Record<string, string>;
  labels?: Record<string, string>;
}

const VIEWS: Record<string, ViewSpec> = {
  [ROUNDUP_UID]: {
    list: ['title', 'date', 'entries'],
    sortBy: 'date',
    sortOrder: 'DESC',
    mainField: 'title',
    labels: { entries: 'Links', frontMatter: 'Extra front matter', sections: 'Section order' },
    help: {
      title: 'The headline, e.g. "What I\'ve been reading in July".',
      slug: 'The address of the roundup. Left empty, it is made from the title.',
      date: 'The date the roundup is published under; the newest comes first.',
      entries: 'The links of this roundup. Drag to reorder; the order goes live when you publish.',
      excerpt: 'One or two sentences shown in lists and feeds (plain text).',
      intro: 'Markdown shown before the first section.',
      outro: 'Markdown shown after the last section.',
      sections:
        'Optional: the order of sections for this roundup only. Left empty, sections follow their positions.',
      layout: 'The Jekyll/Hugo layout written into the front matter.',
      frontMatter: 'Extra front matter keys as a JSON object, e.g. {"tags": ["roundup"]}.',
    },
  },
  [ENTRY_UID]: {
    list: ['title', 'url', 'category', 'roundup'],
    sortBy: 'updatedAt',
    sortOrder: 'DESC',
    mainField: 'title',
    labels: {
      url: 'URL',
      category: 'Section',
      description: 'Commentary',
      originalUrl: 'Original URL',
    },
    help: {
      title: 'The linked title as readers see it.',
      url: 'An absolute http(s) address, e.g. https://example.com/article.',
      author: 'Optional: who wrote or made it.',
      description: 'Your commentary, in Markdown.',
      category: 'The section the link appears under.',
      roundup: 'Leave empty to keep the link in the inbox until it has a roundup.',
      originalUrl:
        'The URL this link had before Link health replaced it with a new or archived address.',
    },
  },
  [CATEGORY_UID]: {
    list: ['name', 'position', 'slug', 'description'],
    sortBy: 'position',
    sortOrder: 'ASC',
    mainField: 'name',
    help: {
      name: 'The section heading, e.g. "Articles & Learning".',
      slug: 'Left empty, it is made from the name.',
      position:
        'Sections appear in ascending position among their siblings unless a roundup sets its own order.',
      description: 'Optional: what belongs in this section.',
      parent: 'Optional: the section this one stands under, in every roundup (### under its ##).',
    },
  },
};

const contentManagerViews = ({ strapi }: { strapi: Core.Strapi }) => ({
  async apply() {
    // The key keeps its first name: installs that applied this version already must not apply it again.
    const store = strapi.store({ type: 'plugin', name: 'roundup', key: 'editor-layout' });
    const applied = (await store.get({})) as { version?: number } | null;
    if (applied?.version === LAYOUT_VERSION) return;

    const contentTypes = strapi.plugin('content-manager').service('content-types');
    await contentTypes.syncConfigurations();

    for (const [uid, spec] of Object.entries(VIEWS)) {
      const contentType = strapi.contentTypes[uid as keyof typeof strapi.contentTypes];
      const configuration = await contentTypes.findConfiguration(contentType);
      const metadatas = { ...configuration.metadatas };
      for (const [field, description] of Object.entries(spec.help)) {
        if (!metadatas[field]) continue;
        const label = spec.labels?.[field];
        metadatas[field] = {
          edit: { ...metadatas[field].edit, description, ...(label && { label }) },
          list: { ...metadatas[field].list, ...(label && { label }) },
        };
      }
      await contentTypes.updateConfiguration(contentType, {
        settings: {
          ...configuration.settings,
          mainField: spec.mainField,
          defaultSortBy: spec.sortBy,
          defaultSortOrder: spec.sortOrder,
        },
        metadatas,
        layouts: { ...configuration.layouts, list: spec.list },
      });
    }
    await store.set({ value: { version: LAYOUT_VERSION } });
  },
});

export type ContentManagerViewsService = ReturnType<typeof contentManagerViews>;
export default contentManagerViews;
