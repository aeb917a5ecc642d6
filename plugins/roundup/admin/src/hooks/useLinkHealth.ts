import * as React from 'react';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type {
  LinkAction,
  LinkActionRequest,
  LinkCheckAnswer,
  LinkFilter,
  LinkHealthList,
} from '../../../shared/contracts/link-health';
import { errorStatus } from '../api/errors';
import { paths } from '../api/paths';
import { useAdminGet } from './useAdminGet';
import { useErrorNotification } from './useErrorNotification';

const LINKS_SHOWN = 100;

/**
 * Link health: the last (or running) check, followed every second while it
 * runs; the links in state `filter` (matching the words `q`, when given) with the counts of every state; starting
 * a check and applying a fix.
 */
export const useLinkHealth = (filter: LinkFilter, q = '') => {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const notifyError = useErrorNotification();
  const check = useAdminGet<LinkCheckAnswer>(paths.currentLinkCheck);
  const list = useAdminGet<LinkHealthList>(paths.linkHealth(filter, LINKS_SHOWN, q));
  const { load: loadCheck } = check;
  const { load: loadList } = list;
  const run = check.data?.data ?? null;
  const running = run?.state === 'running';

  const reload = React.useCallback(
    () => Promise.all([loadCheck(), loadList()]).catch(notifyError),
    [loadCheck, loadList, notifyError]
  );

  // While a check runs, follow its progress.
  React.useEffect(() => {
    if (!running) return undefined;
    const timer = setTimeout(reload, 1000);
    return () => clearTimeout(timer);
  }, [run, running, reload]);

  /** Starts a check, or follows the one already running (the route answers 409). */
  const checkNow = async () => {
    try {
      await post(paths.linkChecks, {});
    } catch (error) {
      if (errorStatus(error) !== 409) notifyError(error);
    }
    await reload();
  };

  /** Applies `action` to link `id`, saying `done` once it is. */
  const act = async (id: number, action: LinkAction, done: string) => {
    try {
      const body: LinkActionRequest = { action };
      await post(paths.linkAction(id), body);
      toggleNotification({ type: 'success', message: done });
      await reload();
    } catch (error) {
      notifyError(error);
    }
  };

  return {
    run,
    running,
    links: list.data?.data,
    counts: list.data?.meta.counts,
    checkNow,
    act,
  };
};
