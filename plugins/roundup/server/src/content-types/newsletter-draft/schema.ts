/**
 * Which draft (Buttondown) or campaign (Mailchimp) a roundup has in each newsletter
 * service, so that a second push updates it instead of making another.
 */
export default {
  kind: 'collectionType',
  collectionName: 'roundup_newsletter_drafts',
  info: {
    singularName: 'newsletter-draft',
    pluralName: 'newsletter-drafts',
    displayName: 'Roundup newsletter draft',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    roundupDocumentId: { type: 'string', required: true },
    service: { type: 'enumeration', enum: ['buttondown', 'mailchimp'], required: true },
    remoteId: { type: 'string', required: true },
    pushedAt: { type: 'biginteger' },
  },
};
