import * as React from 'react';
import { Flex, Typography } from '@strapi/design-system';
import type { GitTargetView } from '../../../shared/contracts/git-targets';
import { DeliveriesTable } from '../build-hooks/DeliveriesTable';
import { GitTargetForm } from '../build-hooks/GitTargetForm';
import { GitTargetsTable } from '../build-hooks/GitTargetsTable';
import { HookForm } from '../build-hooks/HookForm';
import { HooksTable } from '../build-hooks/HooksTable';
import { PluginPage } from '../components/PluginPage';
import { useBuildHooks } from '../hooks/useBuildHooks';
import { useGitTargets } from '../hooks/useGitTargets';
import { useT } from '../hooks/useT';

/** Settings → Roundup → Build hooks: the hooks, a form to add one, the Git targets and theirs, and the delivery log. */
const BuildHooksPage = () => {
  const t = useT();
  const { hooks, deliveries, add, rebuild, remove, reload } = useBuildHooks();
  const git = useGitTargets(reload);
  const [editing, setEditing] = React.useState<GitTargetView>();

  return (
    <PluginPage
      title={t('hooks.title', 'Build hooks')}
      subtitle={t('hooks.subtitle', 'Where to send rebuild requests.')}
    >
      <Flex direction="column" alignItems="stretch" gap={6}>
        {hooks && <HooksTable hooks={hooks} onRebuild={rebuild} onDelete={remove} />}
        <HookForm onAdd={add} />
        {git.targets && (
          <>
            <Typography variant="delta" tag="h2">
              {t('git.title', 'Git targets')}
            </Typography>
            <GitTargetsTable
              targets={git.targets}
              onSync={git.sync}
              onEdit={setEditing}
              onDelete={git.remove}
              onResolve={git.resolve}
            />
            <GitTargetForm
              key={editing?.id ?? 'new'}
              editing={editing}
              onSave={async (input) => {
                if (editing) await git.update(editing.id, input);
                else await git.add(input);
                setEditing(undefined);
              }}
              onCancel={() => setEditing(undefined)}
            />
          </>
        )}
        <Typography variant="delta" tag="h2">
          {t('hooks.deliveries', 'Deliveries')}
        </Typography>
        {deliveries && <DeliveriesTable deliveries={deliveries} />}
      </Flex>
    </PluginPage>
  );
};

export default BuildHooksPage;
