import * as React from 'react';
import {
  Box,
  Button,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import {
  errorMessage,
  fieldErrors,
  paths,
  type EditorView,
  type InboxEntry,
  type SectionRef,
} from '../pages/api';
import { useT } from '../utils/useT';
import { Card } from './Sections';

type InboxPage = {
  results: InboxEntry[];
  total: number;
  pagination?: { page: number; pageSize: number; pageCount: number; total: number };
};

const EMPTY = { url: '', title: '', author: '', description: '', category: '' };

const isHttpUrl = (text: string) => {
  try {
    const url = new URL(text.trim());
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
};

type UnfurlAnswer =
  | {
      ok: true;
      title: string | null;
      author: string | null;
      description: string | null;
      siteName: string | null;
    }
  | { ok: false; reason: string };

/** What capture and unfurl recorded about an inbox link: source and time, times captured, unfurl's outcome with Retry. */
const CaptureFacts = ({
  entry,
  canRetry,
  onRetry,
}: {
  entry: InboxEntry;
  canRetry: boolean;
  onRetry: () => void;
}) => {
  const t = useT();
  const facts = [
    entry.unfurl?.siteName,
    entry.capturedAt
      ? t('inbox.captured', 'captured {date} via {source}', {
          date: new Date(entry.capturedAt).toLocaleString(),
          source: entry.captureSource ?? 'api',
        })
      : null,
  ].filter(Boolean);
  return (
    <Box paddingLeft={3} paddingBottom={2}>
      {facts.length > 0 && (
        <Typography variant="pi" textColor="neutral600" tag="p">
          {facts.join(' · ')}
        </Typography>
      )}
      {entry.captures > 1 && (
        <Typography variant="pi" textColor="warning700" tag="p" data-captured-again>
          {t('inbox.captured-again', 'Captured {count} times', { count: entry.captures })}
        </Typography>
      )}
      {entry.unfurl?.description && (
        <Typography variant="pi" textColor="neutral700" tag="p" ellipsis>
          {entry.unfurl.description}
        </Typography>
      )}
      {entry.unfurl?.state === 'pending' && (
        <Flex gap={2} data-unfurl-state="pending">
          <Typography variant="pi" textColor="neutral600">
            {t('inbox.unfurling', 'Reading the page…')}
          </Typography>
          {/* A restart can leave an unfurl pending for good; reading again is always safe. */}
          {canRetry && (
            <Button variant="tertiary" size="S" onClick={onRetry}>
              {t('inbox.retry', 'Retry')}
            </Button>
          )}
        </Flex>
      )}
      {entry.unfurl?.state === 'failed' && (
        <Flex gap={2} data-unfurl-state="failed">
          <Typography variant="pi" textColor="danger600">
            unfurl: {entry.unfurl.reason}
          </Typography>
          {canRetry && (
            <Button variant="tertiary" size="S" onClick={onRetry}>
              {t('inbox.retry', 'Retry')}
            </Button>
          )}
        </Flex>
      )}
    </Box>
  );
};

/**
 * Quick-add (a new link straight into this roundup, each bad field marked
 * under it) and the inbox (links saved without a roundup, one click to add).
 */
export const AddLinks = ({
  roundupId,
  sections,
  onAdded,
}: {
  roundupId: string;
  sections: SectionRef[];
  onAdded: (view: EditorView) => void;
}) => {
  const t = useT();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [form, setForm] = React.useState(EMPTY);
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [busy, setBusy] = React.useState(false);
  const [inbox, setInbox] = React.useState<InboxPage>({ results: [], total: 0 });
  const [inboxPage, setInboxPage] = React.useState(1);
  // The inbox changes here when a link is taken from it; it is read again then, not on every reorder.
  const [inboxRevision, setInboxRevision] = React.useState(0);
  const [search, setSearch] = React.useState('');
  const [query, setQuery] = React.useState('');
  const [unfurlNote, setUnfurlNote] = React.useState<string | null>(null);
  const unfurledUrl = React.useRef('');

  React.useEffect(() => {
    const timer = setTimeout(() => {
      setQuery(search.trim());
      setInboxPage(1);
    }, 250);
    return () => clearTimeout(timer);
  }, [search]);

  React.useEffect(() => {
    let current = true;
    const params = new URLSearchParams({ page: String(inboxPage) });
    if (query) params.set('q', query);
    get<InboxPage>(`${paths.inbox}?${params}`)
      .then(({ data }) => current && setInbox(data))
      .catch((error) => toggleNotification({ type: 'danger', message: errorMessage(error) }));
    return () => {
      current = false;
    };
  }, [get, inboxPage, inboxRevision, query, toggleNotification]);
  const pageCount = inbox.pagination?.pageCount ?? 1;

  // As soon as a URL is pasted or typed, the server reads the page and fills what the editor left empty.
  React.useEffect(() => {
    const url = form.url.trim();
    if (!isHttpUrl(url) || url === unfurledUrl.current) return undefined;
    let current = true;
    const timer = setTimeout(async () => {
      unfurledUrl.current = url;
      setUnfurlNote(t('add.unfurling', 'Reading the page…'));
      try {
        const { data } = await post<UnfurlAnswer>(paths.unfurl, { url });
        if (!current) return;
        if (!data.ok) {
          setUnfurlNote(`unfurl: ${data.reason}`);
          return;
        }
        setUnfurlNote(null);
        setForm((previous) => ({
          ...previous,
          title: previous.title || data.title || '',
          author: previous.author || data.author || '',
        }));
      } catch (error) {
        if (current) setUnfurlNote(`unfurl: ${errorMessage(error)}`);
      }
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [form.url, post, t]);

  const retry = async (entry: InboxEntry) => {
    try {
      const { data } = await post<InboxEntry>(paths.retryUnfurl(entry.documentId), {});
      setInbox((previous) => ({
        ...previous,
        results: previous.results.map((item) =>
          item.documentId === data.documentId ? data : item
        ),
      }));
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    }
  };

  const set = (field: keyof typeof EMPTY) => (value: string) => {
    setForm((previous) => ({ ...previous, [field]: value }));
    setErrors((previous) => ({ ...previous, [field]: '' }));
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const { data } = await post<EditorView>(paths.entries(roundupId), {
        url: form.url,
        title: form.title,
        author: form.author || null,
        description: form.description || null,
        category: form.category,
      });
      setForm({ ...EMPTY, category: form.category });
      setErrors({});
      onAdded(data);
      toggleNotification({ type: 'success', message: t('add.added', 'Link added') });
    } catch (error) {
      const byField = fieldErrors(error);
      if (Object.keys(byField).length) setErrors(byField);
      else toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  const addFromInbox = async (entry: InboxEntry) => {
    try {
      const { data } = await post<EditorView>(paths.entries(roundupId), {
        entry: entry.documentId,
      });
      onAdded(data);
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setInboxRevision((r) => r + 1);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Box
        background="neutral0"
        shadow="tableShadow"
        hasRadius
        padding={4}
        tag="section"
        aria-label={t('add.title', 'Add a link')}
      >
        <form onSubmit={submit} noValidate>
          <Flex direction="column" alignItems="stretch" gap={3}>
            <Typography variant="delta" tag="h2">
              {t('add.title', 'Add a link')}
            </Typography>
            <Field.Root name="url" error={errors.url} required>
              <Field.Label>{t('field.url', 'URL')}</Field.Label>
              <TextInput
                value={form.url}
                placeholder="https://example.com/article"
                onChange={(e: React.ChangeEvent<HTMLInputElement>) => set('url')(e.target.value)}
              />
              <Field.Error />
              {unfurlNote && (
                <Typography variant="pi" textColor="neutral600" data-unfurl-note>
                  {unfurlNote}
                </Typography>
              )}
            </Field.Root>
            <Field.Root name="title" error={errors.title} required>
              <Field.Label>{t('field.title', 'Title')}</Field.Label>
              <TextInput
                value={form.title}
                onChange={(e: React.ChangeEvent<HTMLInputElement>) => set('title')(e.target.value)}
              />
              <Field.Error />
            </Field.Root>
            <Field.Root name="author" error={errors.author}>
              <Field.Label>{t('field.author', 'Author')}</Field.Label>
              <TextInput
                value={form.author}
                onChange={(e: React.ChangeEvent<HTMLInputElement>) => set('author')(e.target.value)}
              />
              <Field.Error />
            </Field.Root>
            <Field.Root
              name="description"
              error={errors.description}
              hint={t('add.commentary-hint', 'Markdown')}
            >
              <Field.Label>{t('field.commentary', 'Commentary')}</Field.Label>
              <Textarea
                value={form.description}
                onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) =>
                  set('description')(e.target.value)
                }
              />
              <Field.Hint />
              <Field.Error />
            </Field.Root>
            <Field.Root name="category" error={errors.category} required>
              <Field.Label>{t('field.section', 'Section')}</Field.Label>
              <SingleSelect
                value={form.category}
                placeholder={t('add.section-placeholder', 'Choose a section')}
                onChange={(value: string | number) => set('category')(String(value))}
              >
                {sections.map((section) => (
                  <SingleSelectOption key={section.documentId} value={section.documentId}>
                    {section.name}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
              <Field.Error />
            </Field.Root>
            <Flex justifyContent="flex-end">
              <Button type="submit" startIcon={<Plus />} loading={busy}>
                {t('add.submit', 'Add link')}
              </Button>
            </Flex>
          </Flex>
        </form>
      </Box>

      <Box
        background="neutral0"
        shadow="tableShadow"
        hasRadius
        padding={4}
        tag="section"
        aria-label={t('inbox.title', 'Inbox')}
      >
        <Typography variant="delta" tag="h2">
          {t('inbox.title', 'Inbox')}
        </Typography>
        <Typography tag="p" variant="pi" textColor="neutral600">
          {t(
            'inbox.subtitle',
            '{total, plural, =0 {No links waiting.} one {# link not yet in a roundup.} other {# links not yet in a roundup.}}',
            {
              total: inbox.total,
            }
          )}
        </Typography>
        <Box paddingTop={2} paddingBottom={2}>
          <TextInput
            aria-label={t('inbox.search', 'Search the inbox')}
            placeholder={t('inbox.search-placeholder', 'Search by title, URL or site')}
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
                    onClick={() => addFromInbox(entry)}
                    aria-label={t('inbox.add-label', 'Add {title} to this roundup', {
                      title: entry.title,
                    })}
                  >
                    {t('inbox.add', 'Add')}
                  </Button>
                }
              />
              <CaptureFacts entry={entry} canRetry onRetry={() => retry(entry)} />
            </li>
          ))}
        </ol>
        {pageCount > 1 && (
          <Flex gap={2} paddingTop={2} justifyContent="space-between">
            <Button
              variant="tertiary"
              size="S"
              disabled={inboxPage <= 1}
              onClick={() => setInboxPage(inboxPage - 1)}
            >
              {t('inbox.newer', 'Newer')}
            </Button>
            <Typography variant="pi" textColor="neutral600">
              {t('inbox.page', 'Page {page} of {pageCount}', { page: inboxPage, pageCount })}
            </Typography>
            <Button
              variant="tertiary"
              size="S"
              disabled={inboxPage >= pageCount}
              onClick={() => setInboxPage(inboxPage + 1)}
            >
              {t('inbox.older', 'Older')}
            </Button>
          </Flex>
        )}
      </Box>
    </Flex>
  );
};
