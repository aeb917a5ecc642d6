import { FIELD_LIMITS } from '../../core/limits';

const LIMITS = FIELD_LIMITS.roundup;

export default {
  kind: 'collectionType',
  collectionName: 'roundup_roundups',
  info: {
    singularName: 'roundup',
    pluralName: 'roundups',
    displayName: 'Roundup',
    description:
      'A periodic post of links in sections ("What I\'ve been reading in July"). Its entries, their order and its section order are part of the draft and go live when it is published.',
  },
  options: { draftAndPublish: true },
  indexes: [
    // Published roundups newest first (the list route and the feeds).
    { name: 'roundup_roundups_date_idx', columns: ['date', 'published_at', 'id'] },
    // Drafts newest first (the editor's list).
    { name: 'roundup_roundups_status_date_idx', columns: ['published_at', 'date', 'id'] },
  ],
  pluginOptions: {
    'content-manager': { visible: true },
    'content-type-builder': { visible: false },
  },
  attributes: {
    title: { type: 'string', required: true, maxLength: LIMITS.title },
    slug: { type: 'uid', targetField: 'title', maxLength: LIMITS.slug },
    date: { type: 'date', required: true },
    entries: {
      type: 'relation',
      relation: 'oneToMany',
      target: 'plugin::roundup.entry',
      mappedBy: 'roundup',
    },
    excerpt: { type: 'text', maxLength: LIMITS.excerpt },
    intro: { type: 'richtext', maxLength: LIMITS.intro },
    outro: { type: 'richtext', maxLength: LIMITS.outro },
    sections: {
      type: 'relation',
      relation: 'manyToMany',
      target: 'plugin::roundup.category',
    },
    // This roundup's own heading text per section documentId where it differs from the section's
    // name only in punctuation or case (see core/section-heading); written by the importer.
    headings: { type: 'json', visible: false },
    // This roundup's link on a section's heading (`### [Name](url)`) per section documentId
    // (see core/section-heading); written by the importer.
    headingLinks: { type: 'json', visible: false },
    // This roundup's Markdown note under a section's heading, before its links, per section
    // documentId (see core/section-heading); written by the importer and the editor.
    sectionNotes: { type: 'json', visible: false },
    layout: { type: 'string', default: 'post', maxLength: LIMITS.layout },
    // At most FRONT_MATTER_JSON_LENGTH characters of JSON (services/common/content-rules).
    frontMatter: { type: 'json' },
  },
};
