import type { NewsletterConfig } from '../../config/newsletter';
import type { ButtondownAccount } from './buttondown';
import { mailchimpApiRoot, type MailchimpAccount } from './mailchimp';

export type NewsletterService = 'buttondown' | 'mailchimp';

export type Account<T> =
  { account: T; problem?: undefined } | { account?: undefined; problem: string };

type Environment = Record<string, string | undefined>;

const key = (env: Environment, name: string) => env[name]?.trim() || null;

/** Buttondown as configured, or what is missing, in words an administrator can act on. */
export const buttondownAccount = (
  { buttondown }: NewsletterConfig,
  env: Environment
): Account<ButtondownAccount> => {
  const apiKey = key(env, buttondown.apiKeyEnv);
  if (!apiKey)
    return {
      problem: `Buttondown is not set up: set ${buttondown.apiKeyEnv} to an API key of the newsletter`,
    };
  return { account: { baseUrl: buttondown.baseUrl, apiKey } };
};

/** Mailchimp as configured, or what is missing. */
export const mailchimpAccount = (
  { mailchimp }: NewsletterConfig,
  env: Environment
): Account<MailchimpAccount & { root: string }> => {
  const apiKey = key(env, mailchimp.apiKeyEnv);
  const missing = [
    apiKey ? null : mailchimp.apiKeyEnv,
    mailchimp.listId ? null : 'newsletter.mailchimp.listId (the audience)',
    mailchimp.fromName ? null : 'newsletter.mailchimp.fromName',
    mailchimp.replyTo ? null : 'newsletter.mailchimp.replyTo',
  ].filter(Boolean);
  if (missing.length || !apiKey || !mailchimp.listId || !mailchimp.fromName || !mailchimp.replyTo)
    return { problem: `Mailchimp is not set up: set ${missing.join(', ')}` };
  const root = mailchimpApiRoot({ apiKey, baseUrl: mailchimp.baseUrl });
  if (!root)
    return {
      problem: `Mailchimp is not set up: the key in ${mailchimp.apiKeyEnv} does not end in its data centre (such as -us6)`,
    };
  const { listId, fromName, replyTo, baseUrl } = mailchimp;
  return { account: { apiKey, listId, fromName, replyTo, baseUrl, root } };
};

/** Whether `service` can be pushed to, and if not why. */
export const serviceProblem = (
  service: NewsletterService,
  config: NewsletterConfig,
  env: Environment
): string | null =>
  (service === 'buttondown' ? buttondownAccount(config, env) : mailchimpAccount(config, env))
    .problem ?? null;
