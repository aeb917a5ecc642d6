import { Button, Flex, Typography } from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import { EmptyNote } from '../components/EmptyNote';
import { Panel } from '../components/Panel';
import { useCaptureTokens } from '../hooks/useCaptureTokens';
import { useT } from '../hooks/useT';
import { BookmarkletLink } from './BookmarkletLink';

/** "Capture from anywhere": the editor's capture tokens, the bookmarklet for one, and revoking. */
export const CapturePanel = () => {
  const t = useT();
  const { tokens, shown, busy, create, show, revoke } = useCaptureTokens();
  const when = (date: string) => new Date(date).toLocaleString();

  return (
    <Panel label={t('capture.title', 'Capture from anywhere')} marginTop={6}>
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
        {tokens?.length === 0 && (
          <EmptyNote>
            {t(
              'capture.empty',
              'No capture tokens yet. Make one with "New capture token" to get a bookmarklet that saves the page you are reading to the inbox.'
            )}
          </EmptyNote>
        )}
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {(tokens ?? []).map((token) => (
            <li key={token.id} data-capture-token-row={token.id}>
              <Flex gap={2} paddingTop={1} paddingBottom={1}>
                <Typography style={{ flex: 1 }}>
                  {t('capture.made', 'Made {date}', { date: when(token.createdAt) })}
                  {' · '}
                  {token.lastUsedAt
                    ? t('capture.used', 'last used {date}', { date: when(token.lastUsedAt) })
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
    </Panel>
  );
};
