import * as React from 'react';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type {
  Bookmarklet,
  CaptureTokenList,
  NewCaptureToken,
} from '../../../shared/contracts/capture-tokens';
import { paths } from '../api/paths';
import { useAdminGet } from './useAdminGet';
import { useErrorNotification } from './useErrorNotification';
import { useT } from './useT';

/**
 * The signed-in editor's capture tokens: making one, showing a token's
 * bookmarklet (one at a time), and revoking one.
 */
export const useCaptureTokens = () => {
  const t = useT();
  const { get, post, del } = useFetchClient();
  const { toggleNotification } = useNotification();
  const notifyError = useErrorNotification();
  const { data, load } = useAdminGet<CaptureTokenList>(paths.captureTokens);
  const [shown, setShown] = React.useState<({ id: number } & Bookmarklet) | null>(null);
  const [busy, setBusy] = React.useState(false);

  const create = async () => {
    setBusy(true);
    try {
      const { data: made } = await post<NewCaptureToken>(paths.captureTokens, {});
      setShown({ id: made.token.id, bookmarklet: made.bookmarklet, accessKey: made.accessKey });
      await load();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  const show = async (id: number) => {
    try {
      const { data: bookmarklet } = await get<Bookmarklet>(paths.bookmarklet(id));
      setShown({ id, ...bookmarklet });
    } catch (error) {
      notifyError(error);
    }
  };

  const revoke = async (id: number) => {
    try {
      await del(paths.captureToken(id));
      if (shown?.id === id) setShown(null);
      await load();
      toggleNotification({
        type: 'success',
        message: t('capture.revoked', 'Capture token revoked'),
      });
    } catch (error) {
      notifyError(error);
    }
  };

  return { tokens: data?.tokens, shown, busy, create, show, revoke };
};
