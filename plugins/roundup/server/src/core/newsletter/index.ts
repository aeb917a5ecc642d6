export {
  buttondownAccount,
  mailchimpAccount,
  serviceProblem,
  type Account,
  type NewsletterService,
} from './accounts';
export { buttondownDraftRequest, type ButtondownAccount } from './buttondown';
export {
  mailchimpApiRoot,
  mailchimpCreateCampaign,
  mailchimpSetContent,
  mailchimpUpdateCampaign,
  type MailchimpAccount,
} from './mailchimp';
export {
  createdId,
  jsonRequest,
  serviceErrorMessage,
  type NewsletterContent,
  type ServiceRequest,
} from './requests';
export { isPushEvent, PUSH_EVENTS, type PushEvent } from './push-events';
