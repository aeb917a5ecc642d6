export default {
  kind: 'collectionType',
  collectionName: 'roundup_categories',
  info: {
    singularName: 'category',
    pluralName: 'categories',
    displayName: 'Roundup section',
    description:
      'A section of a roundup ("Articles & Learning", "Videos", "Tools"). Sections appear in order of position unless a roundup sets its own order.',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: true },
    'content-type-builder': { visible: false },
  },
  attributes: {
    name: { type: 'string', required: true, unique: true, maxLength: 120 },
    slug: { type: 'uid', targetField: 'name' },
    description: { type: 'text' },
    position: { type: 'integer', default: 0, required: true },
  },
};
