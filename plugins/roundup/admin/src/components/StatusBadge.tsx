import { Status, Typography } from '@strapi/design-system';
import type { RoundupStatus } from '../../../shared/contracts/editor';
import { useT } from '../hooks/useT';

const VARIANT = { draft: 'secondary', published: 'success', modified: 'alternative' } as const;

/** Draft, published, or modified since publish — in the Content Manager's colours. */
export const StatusBadge = ({ status }: { status: RoundupStatus }) => {
  const t = useT();
  const label = {
    draft: t('status.draft', 'Draft'),
    published: t('status.published', 'Published'),
    modified: t('status.modified', 'Modified'),
  }[status];
  return (
    <Status
      variant={VARIANT[status]}
      size="S"
      data-status={status}
      style={{ display: 'inline-flex' }}
    >
      <Typography tag="span" variant="omega" fontWeight="bold">
        {label}
      </Typography>
    </Status>
  );
};
