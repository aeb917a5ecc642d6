import { Box, Button, Flex, Typography } from '@strapi/design-system';
import type { InboxCard } from '../../../shared/contracts/editor';
import { useT } from '../hooks/useT';

/** What capture and unfurl recorded about an inbox link: source and time, times captured, unfurl's outcome with Retry. */
export const CaptureFacts = ({ entry, onRetry }: { entry: InboxCard; onRetry: () => void }) => {
  const t = useT();
  const facts = [
    entry.unfurl?.siteName,
    entry.capturedAt
      ? t('inbox.captured', 'captured {date} via {source}', {
          date: new Date(entry.capturedAt).toLocaleString(),
          source: entry.captureSource ?? 'api',
        })
      : null,
  ].filter(Boolean);
  const retry = (
    <Button variant="tertiary" size="S" onClick={onRetry}>
      {t('inbox.retry', 'Retry')}
    </Button>
  );
  return (
    <Box paddingLeft={3} paddingBottom={2}>
      {facts.length > 0 && (
        <Typography variant="pi" textColor="neutral600" tag="p">
          {facts.join(' · ')}
        </Typography>
      )}
      {entry.captures > 1 && (
        <Typography variant="pi" textColor="warning700" tag="p" data-captured-again>
          {t('inbox.captured-again', 'Captured {count} times', { count: entry.captures })}
        </Typography>
      )}
      {entry.unfurl?.description && (
        <Typography variant="pi" textColor="neutral700" tag="p" ellipsis>
          {entry.unfurl.description}
        </Typography>
      )}
      {entry.unfurl?.state === 'pending' && (
        <Flex gap={2} data-unfurl-state="pending">
          <Typography variant="pi" textColor="neutral600">
            {t('inbox.unfurling', 'Reading the page…')}
          </Typography>
          {/* A restart can leave an unfurl pending for good; reading again is always safe. */}
          {retry}
        </Flex>
      )}
      {entry.unfurl?.state === 'failed' && (
        <Flex gap={2} data-unfurl-state="failed">
          <Typography variant="pi" textColor="danger600">
            unfurl: {entry.unfurl.reason}
          </Typography>
          {retry}
        </Flex>
      )}
    </Box>
  );
};
