import { useFetchClient } from '@strapi/strapi/admin';
import type { GitResolveInput, GitTargetList } from '../../../shared/contracts/git-targets';
import { paths } from '../api/paths';
import { useAdminGet } from './useAdminGet';
import { useErrorNotification } from './useErrorNotification';

/**
 * Settings → Build hooks, the Git side: the targets with their last commit and
 * conflicts, "Sync now", and an editor's answer to a conflict. `onChange`
 * reloads what else the page shows (the delivery log).
 */
export const useGitTargets = (onChange: () => Promise<unknown>) => {
  const { post } = useFetchClient();
  const notifyError = useErrorNotification();
  const targets = useAdminGet<GitTargetList>(paths.gitTargets);

  const act = async (action: () => Promise<unknown>) => {
    try {
      await action();
      await Promise.all([targets.load(), onChange()]);
    } catch (error) {
      notifyError(error);
    }
  };

  return {
    targets: targets.data?.data,
    reload: () => targets.load(),
    sync: (id: number) => act(() => post(paths.syncGitTarget(id), {})),
    resolve: (delivery: number, input: GitResolveInput) =>
      act(() => post(paths.resolveDelivery(delivery), input)),
  };
};
