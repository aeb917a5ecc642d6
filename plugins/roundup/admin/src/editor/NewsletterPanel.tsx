import * as React from 'react';
import { Box, Button, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import type {
  NewsletterServiceStatus,
  NewsletterStatus,
  NewsletterStatusResponse,
  NewsletterTestResponse,
} from '../../../shared/contracts/newsletter';
import { ACTIONS, permission } from '../../../shared/permissions';
import { errorMessage, fieldErrors, paths } from '../pages/api';
import { useT } from '../utils/useT';
import { NewsletterServiceRow } from './NewsletterServiceRow';

const NEWSLETTER = [permission(ACTIONS.newsletter)];

/**
 * The roundup as a newsletter, on its page: a test email to the editor (or an
 * address typed in) through the app's email provider, and the draft pushed to
 * Buttondown or Mailchimp. Where something is not set up, it says what to set.
 */
export const NewsletterPanel = ({
  roundupId,
  revision,
}: {
  roundupId: string;
  revision: number;
}) => {
  const t = useT();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { allowedActions, isLoading } = useRBAC(NEWSLETTER);
  const allowed = Boolean(allowedActions.canNewsletter);
  const [status, setStatus] = React.useState<NewsletterStatus | null>(null);
  const [to, setTo] = React.useState('');
  const [sending, setSending] = React.useState(false);
  const [sendError, setSendError] = React.useState<string | null>(null);

  React.useEffect(() => {
    if (!allowed) return undefined;
    let current = true;
    get<NewsletterStatusResponse>(paths.newsletter(roundupId))
      .then(({ data }) => current && setStatus(data.data))
      .catch((error) => toggleNotification({ type: 'danger', message: errorMessage(error) }));
    return () => {
      current = false;
    };
  }, [allowed, get, roundupId, revision, toggleNotification]);

  if (isLoading || !allowed || !status) return null;

  const sendTest = async (event: React.FormEvent) => {
    event.preventDefault();
    setSending(true);
    setSendError(null);
    try {
      const { data } = await post<NewsletterTestResponse>(
        paths.newsletterTest(roundupId),
        to.trim() ? { to: to.trim() } : {}
      );
      toggleNotification({
        type: 'success',
        message: t('newsletter.test-sent', 'Test sent to {to}', { to: data.data.to }),
      });
    } catch (error) {
      setSendError(fieldErrors(error).to ?? errorMessage(error));
    } finally {
      setSending(false);
    }
  };

  const replace = (next: NewsletterServiceStatus) =>
    setStatus((prev) =>
      prev
        ? {
            ...prev,
            services: prev.services.map((s) => (s.service === next.service ? next : s)),
          }
        : prev
    );

  return (
    <Box
      background="neutral0"
      shadow="tableShadow"
      hasRadius
      padding={4}
      marginTop={4}
      tag="section"
      aria-label={t('newsletter.title', 'Newsletter')}
    >
      <Typography variant="delta" tag="h2">
        {t('newsletter.title', 'Newsletter')}
      </Typography>
      <form onSubmit={sendTest}>
        <Flex gap={2} alignItems="flex-end" paddingTop={3}>
          <Box grow={1}>
            <Field.Root name="to" error={sendError ?? undefined}>
              <Field.Label>{t('newsletter.to', 'Send a test to')}</Field.Label>
              <TextInput
                type="email"
                value={to}
                placeholder={status.testSend.defaultTo ?? ''}
                onChange={(e: React.ChangeEvent<HTMLInputElement>) => setTo(e.target.value)}
              />
              <Field.Error />
            </Field.Root>
          </Box>
          <Button type="submit" loading={sending} disabled={Boolean(status.testSend.problem)}>
            {t('newsletter.send-test', 'Send a test')}
          </Button>
        </Flex>
      </form>
      {status.testSend.problem && (
        <Typography variant="pi" textColor="neutral600" tag="p" role="status">
          {status.testSend.problem}
        </Typography>
      )}
      {status.services.map((service) => (
        <NewsletterServiceRow
          key={service.service}
          roundupId={roundupId}
          status={service}
          onChange={replace}
        />
      ))}
    </Box>
  );
};
