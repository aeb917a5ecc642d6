import * as React from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { errorMessage, paths, type CaptureToken } from '../pages/api';
import { useT } from '../utils/useT';

/**
 * A link to drag to the bookmarks bar. React warns about (and newer React
 * refuses) `javascript:` hrefs, so the bookmarklet is set on the element itself.
 */
const BookmarkletLink = ({ href, label }: { href: string; label: string }) => {
  const ref = React.useRef<HTMLAnchorElement>(null);
  React.useEffect(() => {
    ref.current?.setAttribute('href', href);
  }, [href]);
  return (
    <a
      ref={ref}
      data-bookmarklet
      onClick={(event) => event.preventDefault()}
      style={{
        display: 'inline-block',
        padding: '6px 12px',
        borderRadius: 4,
        background: '#4945ff',
        color: '#fff',
        fontWeight: 600,
        textDecoration: 'none',
        cursor: 'grab',
      }}
    >
      {label}
    </a>
  );
};

/** "Capture from anywhere": the editor's capture tokens, the bookmarklet for one, and revoking. */
export const CapturePanel = () => {
  const t = useT();
  const { get, post, del } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [tokens, setTokens] = React.useState<CaptureToken[]>([]);
  const [shown, setShown] = React.useState<{
    id: number;
    bookmarklet: string;
    accessKey: string;
  } | null>(null);
  const [busy, setBusy] = React.useState(false);

  const load = React.useCallback(async () => {
    try {
      const { data } = await get<{ tokens: CaptureToken[] }>(paths.captureTokens);
      setTokens(data.tokens);
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    }
  }, [get, toggleNotification]);

  React.useEffect(() => {
    load();
  }, [load]);

  const create = async () => {
    setBusy(true);
    try {
      const { data } = await post<{ token: CaptureToken; bookmarklet: string; accessKey: string }>(
        paths.captureTokens,
        {}
      );
      setShown({ id: data.token.id, bookmarklet: data.bookmarklet, accessKey: data.accessKey });
      await load();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  const show = async (id: number) => {
    try {
      const { data } = await get<{ bookmarklet: string; accessKey: string }>(paths.bookmarklet(id));
      setShown({ id, ...data });
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
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
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    }
  };

  return (
    <Box
      background="neutral0"
      shadow="tableShadow"
      hasRadius
      padding={4}
      marginTop={6}
      tag="section"
      aria-label={t('capture.title', 'Capture from anywhere')}
    >
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Flex justifyContent="space-between">
          <Typography variant="delta" tag="h2">
            {t('capture.title', 'Capture from anywhere')}
          </Typography>
          <Button variant="secondary" startIcon={<Plus />} loading={busy} onClick={create}>
            {t('capture.new', 'New capture token')}
          </Button>
        </Flex>
        <Typography variant="pi" textColor="neutral600">
          {t(
            'capture.help',
            'A capture token may only put links into the inbox. Drag its bookmarklet to your bookmarks bar, then click it on any page to save that page, its title and the text you selected.'
          )}
        </Typography>
        {shown && (
          <Flex direction="column" alignItems="flex-start" gap={2} data-capture-token={shown.id}>
            <BookmarkletLink
              href={shown.bookmarklet}
              label={t('capture.bookmarklet', 'Capture to Roundup')}
            />
            <Typography variant="pi" textColor="neutral600">
              {t(
                'capture.curl',
                'For a share-sheet shortcut or curl, send the token as "Authorization: Bearer …":'
              )}
            </Typography>
            <code data-capture-key style={{ wordBreak: 'break-all', fontSize: 12 }}>
              {shown.accessKey}
            </code>
          </Flex>
        )}
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {tokens.map((token) => (
            <li key={token.id} data-capture-token-row={token.id}>
              <Flex gap={2} paddingTop={1} paddingBottom={1}>
                <Typography style={{ flex: 1 }}>
                  {t('capture.made', 'Made {date}', {
                    date: new Date(token.createdAt).toLocaleString(),
                  })}
                  {' · '}
                  {token.lastUsedAt
                    ? t('capture.used', 'last used {date}', {
                        date: new Date(token.lastUsedAt).toLocaleString(),
                      })
                    : t('capture.unused', 'never used')}
                </Typography>
                <Button variant="tertiary" size="S" onClick={() => show(token.id)}>
                  {t('capture.show', 'Bookmarklet')}
                </Button>
                <Button
                  variant="danger-light"
                  size="S"
                  startIcon={<Trash />}
                  onClick={() => revoke(token.id)}
                >
                  {t('capture.revoke', 'Revoke')}
                </Button>
              </Flex>
            </li>
          ))}
        </ul>
      </Flex>
    </Box>
  );
};
