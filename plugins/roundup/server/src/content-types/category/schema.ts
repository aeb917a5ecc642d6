import { FIELD_LIMITS } from '../../core/limits';

const LIMITS = FIELD_LIMITS.category;

export default {
  kind: 'collectionType',
  collectionName: 'roundup_categories',
  info: {
    singularName: 'category',
    pluralName: 'categories',
    displayName: 'Roundup section',
    description:
      'A section of a roundup ("Articles & Learning", "Videos", "Tools"), at the top or under a parent section. Sections appear in order of position among their siblings unless a roundup sets its own order.',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: true },
    'content-type-builder': { visible: false },
  },
  attributes: {
    name: { type: 'string', required: true, unique: true, maxLength: LIMITS.name },
    slug: { type: 'uid', targetField: 'name', maxLength: LIMITS.slug },
    description: { type: 'text', maxLength: LIMITS.description },
    position: { type: 'integer', default: 0, required: true },
    // The section this one stands under (`###` under its `##`), at any depth; siblings follow position.
    parent: { type: 'relation', relation: 'manyToOne', target: 'plugin::roundup.category' },
  },
};
