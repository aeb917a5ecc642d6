import { useFetchClient } from '@strapi/strapi/admin';
import type {
  BuildHookInput,
  BuildHookList,
  DeliveryList,
} from '../../../shared/contracts/build-hooks';
import { paths } from '../api/paths';
import { useAdminGet } from './useAdminGet';
import { useErrorNotification } from './useErrorNotification';

const DELIVERIES_SHOWN = 25;

/**
 * Settings → Build hooks: the hooks and the latest deliveries, read again
 * after each change; adding a hook, "Rebuild now" and deleting one.
 */
export const useBuildHooks = () => {
  const { post, del } = useFetchClient();
  const notifyError = useErrorNotification();
  const hooks = useAdminGet<BuildHookList>(paths.buildHooks);
  const deliveries = useAdminGet<DeliveryList>(paths.deliveries(DELIVERIES_SHOWN));

  const reload = () => Promise.all([hooks.load(), deliveries.load()]);

  /** Runs `action`, then shows what it changed; a failure shows as a notification. */
  const act = async (action: () => Promise<unknown>) => {
    try {
      await action();
      await reload();
    } catch (error) {
      notifyError(error);
    }
  };

  return {
    hooks: hooks.data?.data,
    deliveries: deliveries.data?.data,
    /** Adds a hook; a refusal is thrown on, for the form to show under its fields. */
    add: async (input: BuildHookInput) => {
      await post(paths.buildHooks, input);
      await reload();
    },
    rebuild: (id: number) => act(() => post(paths.triggerBuildHook(id), {})),
    remove: (id: number) => act(() => del(paths.buildHook(id))),
    reload,
  };
};
