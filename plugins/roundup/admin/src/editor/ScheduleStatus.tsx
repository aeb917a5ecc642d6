import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { RoundupSchedule } from '../../../shared/contracts/schedule';
import { useT } from '../hooks/useT';
import { formatScheduled } from './schedule';

/**
 * What is scheduled for a roundup, one line per change: "Scheduled · Fri 5
 * Dec, 09:00 Europe/Berlin — publishes the draft as it is then". With
 * `history`, also how the latest scheduled change went (late, or why it did
 * not run).
 */
export const ScheduleStatus = ({
  schedule,
  history = false,
  paddingBottom = 0,
}: {
  schedule: RoundupSchedule | null | undefined;
  history?: boolean;
  paddingBottom?: number;
}) => {
  const t = useT();
  const { locale } = useIntl();
  if (!schedule) return null;
  const { publish, unpublish, last } = schedule;
  const waiting = [
    [publish, 'schedule.publish-line', 'Scheduled · {when} — publishes the draft as it is then'],
    [unpublish, 'schedule.unpublish-line', 'Unpublish scheduled · {when}'],
  ] as const;
  const lines = waiting.flatMap(([change, id, text]) =>
    change
      ? [
          {
            key: change.action as string,
            tone: 'primary600',
            text: t(id, text, { when: formatScheduled(change, locale) }),
          },
        ]
      : []
  );
  if (history && last) {
    const when = formatScheduled(last, locale);
    lines.push(
      last.state === 'failed'
        ? {
            key: 'last',
            tone: 'danger600',
            text: t('schedule.failed-line', 'Scheduled {action} at {when} did not run: {error}', {
              action: last.action,
              when,
              error: last.error ?? '',
            }),
          }
        : {
            key: 'last',
            tone: 'neutral600',
            text: t(
              'schedule.done-line',
              '{action, select, publish {Published} other {Unpublished}} on schedule · {when}{late, plural, =0 {} other {, # s late}}',
              { action: last.action, when, late: last.lateBySeconds ?? 0 }
            ),
          }
    );
  }
  if (lines.length === 0) return null;
  return (
    <Box paddingBottom={paddingBottom}>
      <Flex direction="column" alignItems="flex-start" gap={1} data-schedule>
        {lines.map((line) => (
          <Typography
            key={line.key}
            variant="pi"
            textColor={line.tone}
            data-schedule-line={line.key}
          >
            {line.text}
          </Typography>
        ))}
      </Flex>
    </Box>
  );
};
