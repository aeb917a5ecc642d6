import * as React from 'react';
import { Box, Button, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { Panel } from '../components/Panel';
import { useNewsletter } from '../hooks/useNewsletter';
import { useRoundupPermissions } from '../hooks/useRoundupPermissions';
import { useT } from '../hooks/useT';
import { NewsletterServiceRow } from './NewsletterServiceRow';

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
  const { toggleNotification } = useNotification();
  const { canNewsletter, isLoading } = useRoundupPermissions();
  const newsletter = useNewsletter(roundupId, revision, canNewsletter);
  const [to, setTo] = React.useState('');
  const { status } = newsletter;

  if (isLoading || !canNewsletter || !status) return null;

  const sendTest = async (event: React.FormEvent) => {
    event.preventDefault();
    const sentTo = await newsletter.sendTest(to.trim());
    if (sentTo) {
      toggleNotification({
        type: 'success',
        message: t('newsletter.test-sent', 'Test sent to {to}', { to: sentTo }),
      });
    }
  };

  return (
    <Panel label={t('newsletter.title', 'Newsletter')} marginTop={4}>
      <Typography variant="delta" tag="h2">
        {t('newsletter.title', 'Newsletter')}
      </Typography>
      <form onSubmit={sendTest}>
        <Flex gap={2} alignItems="flex-end" paddingTop={3}>
          <Box grow={1}>
            <Field.Root name="to" error={newsletter.sendError ?? undefined}>
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
          <Button
            type="submit"
            loading={newsletter.sending}
            disabled={Boolean(status.testSend.problem)}
          >
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
          onChange={newsletter.replaceService}
        />
      ))}
    </Panel>
  );
};
