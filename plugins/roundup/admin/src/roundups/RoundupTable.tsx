import { Typography } from '@strapi/design-system';
import { Link } from 'react-router-dom';
import type { RoundupSummary } from '../../../shared/contracts/editor';
import { DataTable } from '../components/DataTable';
import { StatusBadge } from '../components/StatusBadge';
import { ScheduleStatus } from '../editor/ScheduleStatus';
import { useWaitingSchedules } from '../hooks/useSchedule';
import { useT } from '../hooks/useT';

/** Roundups as rows: the title (to its page), date, status (and what is scheduled) and number of links. */
export const RoundupTable = ({ roundups }: { roundups: RoundupSummary[] }) => {
  const t = useT();
  const schedules = useWaitingSchedules();
  return (
    <DataTable
      rows={roundups}
      rowProps={(roundup) => ({ 'data-roundup': roundup.documentId })}
      empty={t('list.empty', 'No roundups yet. Create one, or import a Markdown post.')}
      columns={[
        [
          t('field.title', 'Title'),
          (roundup) => (
            <Link to={roundup.documentId}>
              <Typography fontWeight="bold" textColor="primary600">
                {roundup.title}
              </Typography>
            </Link>
          ),
        ],
        [t('field.date', 'Date'), (roundup) => <Typography>{roundup.date}</Typography>],
        [
          t('field.status', 'Status'),
          (roundup) => (
            <>
              <StatusBadge status={roundup.status} />
              <ScheduleStatus schedule={schedules.get(roundup.documentId)} />
            </>
          ),
        ],
        [t('field.links', 'Links'), (roundup) => <Typography>{roundup.entries}</Typography>],
      ]}
    />
  );
};
