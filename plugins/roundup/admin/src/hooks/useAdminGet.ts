import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { useErrorNotification } from './useErrorNotification';

/**
 * What the admin route at `path` answers, read when the page opens, when `path`
 * changes and when `revision` does; a failure shows as a notification. `load`
 * reads it again at once; an answer that a later read overtook is dropped. A null
 * `path` reads nothing (the editor may not see what it would answer).
 */
export const useAdminGet = <T>(path: string | null, revision = 0) => {
  const { get } = useFetchClient();
  const notifyError = useErrorNotification();
  const [data, setData] = React.useState<T>();
  const latest = React.useRef(0);

  const load = React.useCallback(async () => {
    const call = ++latest.current;
    if (path === null) return;
    const { data: answer } = await get<T>(path);
    if (call === latest.current) setData(answer);
  }, [get, path]);

  React.useEffect(() => {
    load().catch(notifyError);
    // A new revision asks for a fresh read of the same path.
  }, [load, notifyError, revision]);

  return { data, setData, load };
};
