import { Badge, Typography } from '@strapi/design-system';
import type { Delivery } from '../../../shared/contracts/build-hooks';
import { DataTable, type Column } from '../components/DataTable';
import { useT } from '../hooks/useT';

/** The delivery log, newest first: when, to which hook, for what, and the receiver's last answer. */
export const DeliveriesTable = ({ deliveries }: { deliveries: Delivery[] }) => {
  const t = useT();
  const columns: Column<Delivery>[] = [
    [
      t('hooks.time', 'Time'),
      (delivery) => <Typography>{new Date(delivery.lastEventAt).toLocaleString()}</Typography>,
    ],
    [t('hooks.hook', 'Hook'), (delivery) => <Typography>{delivery.hook.name}</Typography>],
    [
      t('hooks.event', 'Event'),
      (delivery) => (
        <Typography>
          {delivery.event} ({delivery.events}) {delivery.roundup?.slug ?? ''}
        </Typography>
      ),
    ],
    [t('hooks.state', 'State'), (delivery) => <Badge>{delivery.state}</Badge>],
    [t('hooks.attempts', 'Attempts'), (delivery) => <Typography>{delivery.attempts}</Typography>],
    [
      t('hooks.last-answer', 'Last answer'),
      (delivery) => (
        <Typography>
          {delivery.lastStatus ?? ''} {delivery.lastError ?? ''}{' '}
          {(delivery.responseExcerpt ?? '').slice(0, 80)}
        </Typography>
      ),
    ],
  ];
  return (
    <DataTable
      rows={deliveries}
      columns={columns}
      empty={t(
        'hooks.no-deliveries',
        'No deliveries yet. Publishing, unpublishing or changing a published roundup sends one to each hook that wants the event; "Rebuild now" sends one at once.'
      )}
    />
  );
};
