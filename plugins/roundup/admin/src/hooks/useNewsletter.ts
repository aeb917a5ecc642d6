import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type {
  NewsletterServiceStatus,
  NewsletterStatusResponse,
  NewsletterTestResponse,
} from '../../../shared/contracts/newsletter';
import { errorMessage, fieldErrors } from '../api/errors';
import { paths } from '../api/paths';
import { useAdminGet } from './useAdminGet';

/**
 * A roundup's newsletter: what is set up (the email provider, Buttondown,
 * Mailchimp) and what the last pushes did, read again at every `revision`;
 * `sendTest` mails the draft, and a service's new status replaces its old one.
 */
export const useNewsletter = (roundupId: string, revision: number, enabled: boolean) => {
  const { post } = useFetchClient();
  const { data, setData } = useAdminGet<NewsletterStatusResponse>(
    enabled ? paths.newsletter(roundupId) : null,
    revision
  );
  const [sending, setSending] = React.useState(false);
  const [sendError, setSendError] = React.useState<string | null>(null);

  const sendTest = async (to: string): Promise<string | null> => {
    setSending(true);
    setSendError(null);
    try {
      const { data: answer } = await post<NewsletterTestResponse>(
        paths.newsletterTest(roundupId),
        to ? { to } : {}
      );
      return answer.data.to;
    } catch (error) {
      setSendError(fieldErrors(error).to ?? errorMessage(error));
      return null;
    } finally {
      setSending(false);
    }
  };

  const replaceService = (next: NewsletterServiceStatus) =>
    setData((prev) =>
      prev
        ? {
            ...prev,
            data: {
              ...prev.data,
              services: prev.data.services.map((s) => (s.service === next.service ? next : s)),
            },
          }
        : prev
    );

  return { status: data?.data ?? null, sending, sendError, sendTest, replaceService };
};
