import {
  jsonRequest,
  withoutTrailingSlashes,
  type NewsletterContent,
  type ServiceRequest,
} from './requests';

/**
 * Buttondown's API (https://docs.buttondown.com/api-introduction):
 * - authentication: `Authorization: Token <API key>`
 *   (https://docs.buttondown.com/api-authentication);
 * - `POST /v1/emails` with `subject`, `body` and `status: "draft"` creates an email
 *   that stays a draft until someone sends it from Buttondown
 *   (https://docs.buttondown.com/api-emails-create);
 * - `PATCH /v1/emails/{id}` changes that draft's subject and body
 *   (https://docs.buttondown.com/api-emails-update).
 * The plugin never asks for any other status, so Buttondown never sends anything on its own.
 */
export interface ButtondownAccount {
  baseUrl: string;
  apiKey: string;
}

const emailsUrl = (baseUrl: string, id?: string) =>
  new URL(
    `v1/emails${id ? `/${encodeURIComponent(id)}` : ''}`,
    `${withoutTrailingSlashes(baseUrl)}/`
  ).href;

/** Creates the draft (`draftId` null) or updates the one the roundup already has. */
export const buttondownDraftRequest = (
  { baseUrl, apiKey }: ButtondownAccount,
  draftId: string | null,
  content: NewsletterContent
): ServiceRequest => {
  const authorization = `Token ${apiKey}`;
  const fields = { subject: content.subject, body: content.html };
  return draftId
    ? jsonRequest('PATCH', emailsUrl(baseUrl, draftId), authorization, fields)
    : jsonRequest('POST', emailsUrl(baseUrl), authorization, { ...fields, status: 'draft' });
};
