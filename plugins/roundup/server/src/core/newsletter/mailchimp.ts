import {
  jsonRequest,
  withoutTrailingSlashes,
  type NewsletterContent,
  type ServiceRequest,
} from './requests';

/**
 * Mailchimp's Marketing API 3.0 (https://mailchimp.com/developer/marketing/docs/fundamentals/):
 * - authentication: HTTP Basic with any user name and the API key as password; the key ends
 *   in its data centre (`…-us6` → https://us6.api.mailchimp.com/3.0)
 *   (https://mailchimp.com/developer/marketing/guides/quick-start/);
 * - `POST /campaigns` with `type: "regular"`, `recipients.list_id` and `settings`
 *   (subject_line, preview_text, title, from_name, reply_to) creates a campaign that is
 *   saved, not sent (https://mailchimp.com/developer/marketing/api/campaigns/add-campaign/);
 * - `PATCH /campaigns/{id}` updates its settings
 *   (https://mailchimp.com/developer/marketing/api/campaigns/update-campaign-settings/);
 * - `PUT /campaigns/{id}/content` with `html` and `plain_text` sets what it says
 *   (https://mailchimp.com/developer/marketing/api/campaign-content/set-campaign-content/).
 * Sending is a separate action (`/actions/send`) that the plugin never calls.
 */
export interface MailchimpAccount {
  apiKey: string;
  listId: string;
  fromName: string;
  replyTo: string;
  /** Instead of the key's data centre (a proxy, or a test server). */
  baseUrl?: string;
}

const DATA_CENTRE = /-([a-z]{2,5}\d{1,3})$/;

/** The API root the key belongs to, or null for a key that names no data centre. */
export const mailchimpApiRoot = ({
  apiKey,
  baseUrl,
}: Pick<MailchimpAccount, 'apiKey' | 'baseUrl'>) => {
  if (baseUrl) return `${withoutTrailingSlashes(baseUrl)}/3.0`;
  const centre = DATA_CENTRE.exec(apiKey.trim());
  return centre ? `https://${centre[1]}.api.mailchimp.com/3.0` : null;
};

const basic = (apiKey: string) =>
  `Basic ${Buffer.from(`roundup:${apiKey}`, 'utf8').toString('base64')}`;

const settings = (account: MailchimpAccount, content: NewsletterContent) => ({
  subject_line: content.subject,
  preview_text: content.preview,
  title: content.subject,
  from_name: account.fromName,
  reply_to: account.replyTo,
});

const campaignUrl = (root: string, id: string, rest = '') =>
  `${root}/campaigns/${encodeURIComponent(id)}${rest}`;

/** A regular campaign for the configured audience. */
export const mailchimpCreateCampaign = (
  account: MailchimpAccount,
  root: string,
  content: NewsletterContent
): ServiceRequest =>
  jsonRequest('POST', `${root}/campaigns`, basic(account.apiKey), {
    type: 'regular',
    recipients: { list_id: account.listId },
    settings: settings(account, content),
  });

/** The campaign's subject, preview text and title brought up to date. */
export const mailchimpUpdateCampaign = (
  account: MailchimpAccount,
  root: string,
  id: string,
  content: NewsletterContent
): ServiceRequest =>
  jsonRequest('PATCH', campaignUrl(root, id), basic(account.apiKey), {
    settings: settings(account, content),
  });

/** The campaign's HTML and plain text. */
export const mailchimpSetContent = (
  account: MailchimpAccount,
  root: string,
  id: string,
  content: NewsletterContent
): ServiceRequest =>
  jsonRequest('PUT', campaignUrl(root, id, '/content'), basic(account.apiKey), {
    html: content.html,
    plain_text: content.text,
  });
