import { Badge, Button, Flex, Typography } from '@strapi/design-system';
import type {
  GitConflictView,
  GitResolveInput,
  GitTargetView,
} from '../../../shared/contracts/git-targets';
import { DataTable } from '../components/DataTable';
import { useT } from '../hooks/useT';

interface GitTargetsTableProps {
  targets: GitTargetView[];
  onSync: (id: number) => void;
  onEdit: (target: GitTargetView) => void;
  onDelete: (id: number) => void;
  onResolve: (delivery: number, input: GitResolveInput) => void;
}

const short = (commit: string) => commit.slice(0, 7);

/**
 * The Git targets: where each commits, its last commit, "Sync now", and Edit
 * and Delete for those made in the admin panel (config/plugins.ts holds the
 * others); below, the files someone else changed, each waiting for
 * "Overwrite" or "Skip".
 */
export const GitTargetsTable = ({
  targets,
  onSync,
  onEdit,
  onDelete,
  onResolve,
}: GitTargetsTableProps) => {
  const t = useT();
  const conflicts = targets.flatMap((target) =>
    target.conflicts.map((conflict) => ({
      documentId: `${conflict.delivery}:${conflict.path}`,
      target: target.name,
      ...conflict,
    }))
  );
  const answer = (conflict: GitConflictView) => (
    <Flex gap={2}>
      <Button
        variant="danger-light"
        onClick={() => onResolve(conflict.delivery, { path: conflict.path, choice: 'overwrite' })}
      >
        {t('git.overwrite', 'Overwrite')}
      </Button>
      <Button
        variant="secondary"
        onClick={() => onResolve(conflict.delivery, { path: conflict.path, choice: 'skip' })}
      >
        {t('git.skip', 'Skip')}
      </Button>
    </Flex>
  );
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <DataTable
        rows={targets}
        empty={t(
          'git.empty',
          'No Git targets yet. Add one below, or declare them in config/plugins.ts.'
        )}
        rowProps={(target) => ({ 'data-git-target': target.name })}
        columns={[
          [
            t('git.name', 'Name'),
            (target) => (
              <Flex direction="column" alignItems="flex-start" gap={1}>
                <Typography>{target.name}</Typography>
                {target.source === 'config' && (
                  <Typography variant="pi" textColor="neutral600">
                    {t('git.fromConfig', 'from config/plugins.ts')}
                  </Typography>
                )}
              </Flex>
            ),
          ],
          [
            t('git.repository', 'Repository'),
            (target) => (
              <Typography>
                {target.url} ({target.branch})
              </Typography>
            ),
          ],
          [t('git.path', 'Path'), (target) => <Typography>{target.path}</Typography>],
          [
            t('git.lastCommit', 'Last commit'),
            (target) => (
              <Typography>
                {target.lastCommit ? short(target.lastCommit) : t('git.noCommit', 'None yet')}
              </Typography>
            ),
          ],
          [
            t('git.token', 'Token'),
            (target) =>
              target.tokenEnv ? (
                <Badge>{target.hasToken ? target.tokenEnv : `${target.tokenEnv} is empty`}</Badge>
              ) : (
                <Badge>{t('git.noToken', 'none')}</Badge>
              ),
          ],
          [
            t('git.actions', 'Actions'),
            (target) => (
              <Flex gap={2}>
                <Button variant="secondary" onClick={() => onSync(target.id)}>
                  {t('git.sync', 'Sync now')}
                </Button>
                {target.source === 'admin' && (
                  <>
                    <Button variant="tertiary" onClick={() => onEdit(target)}>
                      {t('git.editButton', 'Edit')}
                    </Button>
                    <Button variant="danger-light" onClick={() => onDelete(target.id)}>
                      {t('git.delete', 'Delete')}
                    </Button>
                  </>
                )}
              </Flex>
            ),
          ],
        ]}
      />
      {conflicts.length > 0 && (
        <>
          <Typography variant="delta" tag="h3">
            {t('git.conflicts', 'Changed in the repository since the plugin wrote them')}
          </Typography>
          <DataTable
            rows={conflicts}
            empty=""
            columns={[
              [t('git.target', 'Target'), (row) => <Typography>{row.target}</Typography>],
              [t('git.file', 'File'), (row) => <Typography>{row.path}</Typography>],
              [
                t('git.remoteCommit', 'Their commit'),
                (row) => <Typography>{short(row.remoteCommit)}</Typography>,
              ],
              [t('git.answer', 'Answer'), answer],
            ]}
          />
        </>
      )}
    </Flex>
  );
};
