import { useFetchClient } from '@strapi/strapi/admin';
import type {
  GitResolveInput,
  GitTargetInput,
  GitTargetList,
} from '../../../shared/contracts/git-targets';
import { paths } from '../api/paths';
import { useAdminGet } from './useAdminGet';
import { useErrorNotification } from './useErrorNotification';

/**
 * Settings → Build hooks, the Git side: the targets with their last commit and
 * conflicts, adding, changing and deleting those made in the admin panel,
 * "Sync now", and an editor's answer to a conflict. `onChange` reloads what
 * else the page shows (the delivery log).
 */
export const useGitTargets = (onChange: () => Promise<unknown>) => {
  const { post, put, del } = useFetchClient();
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
    /** Adds a target; a refusal is thrown on, for the form to show under its fields. */
    add: async (input: GitTargetInput) => {
      await post(paths.gitTargets, input);
      await targets.load();
    },
    /** Changes an admin target; a refusal is thrown on, as for `add`. */
    update: async (id: number, input: GitTargetInput) => {
      await put(paths.gitTarget(id), input);
      await targets.load();
    },
    remove: (id: number) => act(() => del(paths.gitTarget(id))),
    sync: (id: number) => act(() => post(paths.syncGitTarget(id), {})),
    resolve: (delivery: number, input: GitResolveInput) =>
      act(() => post(paths.resolveDelivery(delivery), input)),
  };
};
