import { Badge, Flex, Typography } from '@strapi/design-system';
import type {
  LinkAction,
  LinkFilter,
  LinkHealthResult,
} from '../../../shared/contracts/link-health';
import { DataTable } from '../components/DataTable';
import { useT } from '../hooks/useT';
import { LinkFixes } from './LinkFixes';

interface LinkTableProps {
  links: LinkHealthResult[];
  filter: LinkFilter;
  /** Whether any check has run: until one has, no link has a state to show. */
  checked: boolean;
  onFix: (id: number, action: LinkAction, done: string) => void;
}

/** Checked links: where each appears, what its server answered, when, and the fixes for it. */
export const LinkTable = ({ links, filter, checked, onFix }: LinkTableProps) => {
  const t = useT();
  const link = (row: LinkHealthResult) => (
    <Flex direction="column" alignItems="flex-start">
      <Typography fontWeight="bold">{row.entry?.title ?? ''}</Typography>
      <Typography variant="pi" textColor="neutral600">
        {row.url}
      </Typography>
      {row.newUrl && (
        <Typography variant="pi">
          {t('links.moved-to', 'Moved to {url}', { url: row.newUrl })}
        </Typography>
      )}
    </Flex>
  );
  const where = (row: LinkHealthResult) => (
    <Typography>
      {row.roundup ? `${row.roundup.title} (${row.roundup.date})` : t('links.inbox', 'Inbox')}
      {row.section ? ` · ${row.section}` : ''}
    </Typography>
  );
  const answer = (row: LinkHealthResult) => (
    <Flex gap={2}>
      <Badge>{t(`links.state.${row.state}`, row.state)}</Badge>
      <Typography>
        {row.status ?? row.reason ?? ''}
        {row.failures > 1 ? ` ×${row.failures}` : ''}
      </Typography>
    </Flex>
  );
  return (
    <DataTable
      rows={links}
      empty={
        checked
          ? t(
              'links.none',
              'No links in this state. Choose another state above, or check the links again.'
            )
          : t(
              'links.none-yet',
              'No links checked yet. "Check links now" checks every link of the published roundups and the inbox.'
            )
      }
      columns={[
        [t('links.link', 'Link'), link],
        [t('links.where', 'Roundup and section'), where],
        [t('links.answer', 'Answer'), answer],
        [
          t('links.checked', 'Checked'),
          (row) => (
            <Typography>
              {row.lastCheckedAt ? new Date(row.lastCheckedAt).toLocaleString() : ''}
            </Typography>
          ),
        ],
        [
          t('links.actions', 'Actions'),
          (row) => <LinkFixes link={row} filter={filter} onFix={onFix} />,
        ],
      ]}
    />
  );
};
