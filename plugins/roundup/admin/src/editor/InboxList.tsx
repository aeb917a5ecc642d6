import type * as React from 'react';
import { Box, Button, TextInput, Typography } from '@strapi/design-system';
import type { EditorView } from '../../../shared/contracts/editor';
import { Pager } from '../components/Pager';
import { Panel } from '../components/Panel';
import { useInbox } from '../hooks/useInbox';
import { useT } from '../hooks/useT';
import { Card } from './Card';
import { CaptureFacts } from './CaptureFacts';

/** The inbox: links saved without a roundup, searchable, a page at a time, one click to add. */
export const InboxList = ({
  roundupId,
  onAdded,
}: {
  roundupId: string;
  onAdded: (view: EditorView) => void;
}) => {
  const t = useT();
  const { inbox, search, setSearch, page, setPage, pageCount, retry, add } = useInbox(
    roundupId,
    onAdded
  );
  return (
    <Panel label={t('inbox.title', 'Inbox')}>
      <Typography variant="delta" tag="h2">
        {t('inbox.title', 'Inbox')}
      </Typography>
      <Typography tag="p" variant="pi" textColor="neutral600">
        {t(
          'inbox.subtitle',
          '{total, plural, =0 {No links waiting.} one {# link not yet in a roundup.} other {# links not yet in a roundup.}}',
          { total: inbox.total }
        )}
      </Typography>
      <Box paddingTop={2} paddingBottom={2}>
        <TextInput
          aria-label={t('inbox.search', 'Search the inbox')}
          placeholder={t('inbox.search-placeholder', 'Search by words, URL or site')}
          value={search}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => setSearch(e.target.value)}
        />
      </Box>
      <ol style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {inbox.results.map((entry) => (
          <li key={entry.documentId} data-inbox-entry={entry.documentId} aria-label={entry.title}>
            <Card
              card={entry}
              handle={null}
              action={
                <Button
                  variant="secondary"
                  size="S"
                  disabled={!entry.category}
                  onClick={() => add(entry)}
                  aria-label={t('inbox.add-label', 'Add {title} to this roundup', {
                    title: entry.title,
                  })}
                >
                  {t('inbox.add', 'Add')}
                </Button>
              }
            />
            <CaptureFacts entry={entry} onRetry={() => retry(entry)} />
          </li>
        ))}
      </ol>
      <Pager
        page={page}
        pageCount={pageCount}
        onPage={setPage}
        previous={t('inbox.newer', 'Newer')}
        next={t('inbox.older', 'Older')}
        compact
      />
    </Panel>
  );
};
