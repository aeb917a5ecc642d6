import * as React from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import type {
  NewsletterPushResponse,
  NewsletterServiceStatus,
} from '../../../shared/contracts/newsletter';
import { useFetchClient } from '@strapi/strapi/admin';
import { errorMessage } from '../api/errors';
import { paths } from '../api/paths';
import { useT } from '../hooks/useT';

const NAMES: Record<NewsletterServiceStatus['service'], string> = {
  buttondown: 'Buttondown',
  mailchimp: 'Mailchimp',
};

/**
 * One newsletter service on the roundup's page: push the draft there, and what
 * the last push did (the draft it made, a retry it waits for, or the
 * service's own message when it refused).
 */
export const NewsletterServiceRow = ({
  roundupId,
  status,
  onChange,
}: {
  roundupId: string;
  status: NewsletterServiceStatus;
  onChange: (next: NewsletterServiceStatus) => void;
}) => {
  const t = useT();
  const { post } = useFetchClient();
  const [pushing, setPushing] = React.useState(false);
  const [failure, setFailure] = React.useState<string | null>(null);
  const name = NAMES[status.service];
  const push = status.lastPush;

  const pushDraft = async () => {
    setPushing(true);
    setFailure(null);
    try {
      const { data } = await post<NewsletterPushResponse>(paths.newsletterPush(roundupId), {
        service: status.service,
      });
      onChange(data.data);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setPushing(false);
    }
  };

  return (
    <Box paddingTop={3} data-newsletter-service={status.service}>
      <Flex justifyContent="space-between" gap={2} alignItems="center">
        <Typography variant="omega" fontWeight="bold">
          {name}
        </Typography>
        <Button
          variant="secondary"
          size="S"
          onClick={pushDraft}
          loading={pushing}
          disabled={Boolean(status.problem)}
        >
          {status.draft
            ? t('newsletter.update-draft', 'Update the draft in {name}', { name })
            : t('newsletter.push-draft', 'Push as a draft to {name}', { name })}
        </Button>
      </Flex>
      <Flex direction="column" alignItems="flex-start" gap={1} paddingTop={1} role="status">
        {status.problem && (
          <Typography variant="pi" textColor="neutral600">
            {status.problem}
          </Typography>
        )}
        {status.draft && (
          <Typography variant="pi" textColor="neutral600">
            {t('newsletter.draft', 'Draft {id} in {name}; sending it stays in {name}.', {
              id: status.draft.remoteId,
              name,
            })}
          </Typography>
        )}
        {push?.state === 'pending' && (
          <Typography variant="pi" textColor="warning700">
            {t('newsletter.retrying', '{name} did not take it ({error}); trying again at {at}.', {
              name,
              error: push.lastError ?? '',
              at: push.dueAt ? new Date(push.dueAt).toLocaleTimeString() : '',
            })}
          </Typography>
        )}
        {push?.state === 'failed' && (
          <Typography variant="pi" textColor="danger600">
            {t('newsletter.failed', '{name} refused the draft: {error}', {
              name,
              error: push.lastError ?? '',
            })}
          </Typography>
        )}
        {push?.state === 'delivered' && (
          <Typography variant="pi" textColor="success600">
            {t('newsletter.pushed', 'Pushed {at}.', { at: new Date(push.at).toLocaleString() })}
          </Typography>
        )}
        {status.pushOnPublish && (
          <Typography variant="pi" textColor="neutral600">
            {t('newsletter.on-publish', 'Pushed again each time the roundup is published.')}
          </Typography>
        )}
        {failure && (
          <Typography variant="pi" textColor="danger600">
            {failure}
          </Typography>
        )}
      </Flex>
    </Box>
  );
};
