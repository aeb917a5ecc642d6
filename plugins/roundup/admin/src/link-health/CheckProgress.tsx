import { Box, Flex, ProgressBar, Typography } from '@strapi/design-system';
import type { LinkCheckRun } from '../../../shared/contracts/link-health';
import { useT } from '../hooks/useT';

/** The running check's progress, or when the last one finished, or that none has run. */
export const CheckProgress = ({ run }: { run: LinkCheckRun | null }) => {
  const t = useT();
  const running = run?.state === 'running';
  const percent =
    run && run.total > 0 ? Math.round((run.checked / run.total) * 100) : running ? 0 : 100;
  return (
    <Box background="neutral0" padding={4} shadow="filterShadow" hasRadius>
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography variant="omega" aria-live="polite">
          {run === null
            ? t('links.never', 'No check has run yet.')
            : running
              ? t('links.progress', 'Checking: {checked} of {total} links', {
                  checked: run.checked,
                  total: run.total,
                })
              : t('links.finished', 'Last check finished {when}: {total} links', {
                  when: run.finishedAt ? new Date(run.finishedAt).toLocaleString() : '',
                  total: run.total,
                })}
        </Typography>
        {run && (
          <ProgressBar
            value={percent}
            aria-label={t('links.progress-label', 'Link check progress')}
          />
        )}
      </Flex>
    </Box>
  );
};
