import { Badge, Button, Flex, Typography } from '@strapi/design-system';
import type { BuildHook } from '../../../shared/contracts/build-hooks';
import { DataTable } from '../components/DataTable';
import { useT } from '../hooks/useT';

interface HooksTableProps {
  hooks: BuildHook[];
  onRebuild: (id: number) => void;
  onDelete: (id: number) => void;
}

const state = (hook: BuildHook) => {
  if (!hook.enabled) return `disabled: ${hook.disabledReason ?? ''}`;
  return hook.hasSecret ? 'signed' : 'unsigned';
};

/** The build hooks: where each sends, for which events, whether it is signed or disabled. */
export const HooksTable = ({ hooks, onRebuild, onDelete }: HooksTableProps) => {
  const t = useT();
  const actions = (hook: BuildHook) => (
    <Flex gap={2}>
      <Button variant="secondary" onClick={() => onRebuild(hook.id)}>
        {t('hooks.rebuild', 'Rebuild now')}
      </Button>
      {hook.source === 'admin' && (
        <Button variant="danger-light" onClick={() => onDelete(hook.id)}>
          {t('hooks.delete', 'Delete')}
        </Button>
      )}
    </Flex>
  );
  return (
    <DataTable
      rows={hooks}
      empty={t(
        'hooks.empty',
        'No build hooks yet. Add one below to rebuild your site when a roundup is published.'
      )}
      columns={[
        [
          t('hooks.name', 'Name'),
          (hook) => (
            <Typography>
              {hook.name}
              {hook.source === 'config' ? ' (config)' : ''}
            </Typography>
          ),
        ],
        [t('hooks.url', 'URL'), (hook) => <Typography>{hook.url}</Typography>],
        [t('hooks.events', 'Events'), (hook) => <Typography>{hook.events.join(', ')}</Typography>],
        [t('hooks.state', 'State'), (hook) => <Badge>{state(hook)}</Badge>],
        [t('hooks.actions', 'Actions'), actions],
      ]}
    />
  );
};
