import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Flex,
  LinkButton,
  ProgressBar,
  Table,
  Tbody,
  Td,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { TableHeader } from '../components/TableHeader';
import { useT } from '../utils/useT';
import { errorMessage, errorStatus } from './api';

type Filter = 'dead' | 'moved' | 'probably-gone' | 'unknown' | 'ok' | 'unchecked' | 'ignored';
const FILTERS: Filter[] = [
  'dead',
  'moved',
  'probably-gone',
  'unknown',
  'ok',
  'unchecked',
  'ignored',
];

interface Run {
  state: 'running' | 'finished';
  total: number;
  checked: number;
  startedAt: string | null;
  finishedAt: string | null;
}

interface LinkRow {
  id: number;
  state: string;
  url: string;
  status: number | null;
  reason: string | null;
  finalUrl: string | null;
  newUrl: string | null;
  failures: number;
  lastCheckedAt: string | null;
  archivedUrl: string | null;
  entry: { title: string; originalUrl: string | null } | null;
  roundup: { title: string; date: string } | null;
  section: string | null;
}

/** Roundups → Link health: counts by state, the running check's progress, and the links to fix. */
const LinkHealthPage = () => {
  const t = useT();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [filter, setFilter] = React.useState<Filter>('dead');
  const [run, setRun] = React.useState<Run | null>(null);
  const [links, setLinks] = React.useState<LinkRow[]>([]);
  const [counts, setCounts] = React.useState<Record<string, number>>({});

  const load = React.useCallback(async () => {
    const [current, list] = await Promise.all([
      get<{ data: Run | null }>('/roundup/link-checks/current'),
      get<{ data: LinkRow[]; meta: { counts: Record<string, number> } }>(
        `/roundup/link-health?state=${filter}&pageSize=100`
      ),
    ]);
    setRun(current.data.data);
    setLinks(list.data.data);
    setCounts(list.data.meta.counts);
  }, [get, filter]);

  const fail = React.useCallback(
    (error: unknown) => toggleNotification({ type: 'danger', message: errorMessage(error) }),
    [toggleNotification]
  );

  React.useEffect(() => {
    load().catch(fail);
  }, [load, fail]);

  // While a check runs, follow its progress.
  React.useEffect(() => {
    if (run?.state !== 'running') return undefined;
    const timer = setTimeout(() => load().catch(fail), 1000);
    return () => clearTimeout(timer);
  }, [run, load, fail]);

  const checkNow = async () => {
    try {
      await post('/roundup/link-checks', {});
    } catch (error) {
      if (errorStatus(error) !== 409) fail(error);
    }
    await load().catch(fail);
  };

  const act = async (id: number, action: string, done: string) => {
    try {
      await post(`/roundup/link-health/${id}/actions`, { action });
      toggleNotification({ type: 'success', message: done });
      await load();
    } catch (error) {
      fail(error);
    }
  };

  const running = run?.state === 'running';
  const percent =
    run && run.total > 0 ? Math.round((run.checked / run.total) * 100) : running ? 0 : 100;

  return (
    <Page.Main>
      <Page.Title>{t('links.title', 'Link health')}</Page.Title>
      <Layouts.Header
        title={t('links.title', 'Link health')}
        subtitle={t(
          'links.subtitle',
          'Dead, moved and gone links across every published roundup and the inbox.'
        )}
        primaryAction={
          <Button onClick={checkNow} loading={running} disabled={running}>
            {t('links.check-now', 'Check links now')}
          </Button>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Box background="neutral0" padding={4} shadow="filterShadow" hasRadius>
            <Flex direction="column" alignItems="stretch" gap={2}>
              <Typography variant="omega" aria-live="polite">
                {run === null
                  ? t('links.never', 'No check has run yet.')
                  : running
                    ? t('links.progress', 'Checking: {checked} of {total} links', {
                        checked: run.checked,
                        total: run.total,
                      })
                    : t('links.finished', 'Last check finished {when}: {total} links', {
                        when: run.finishedAt ? new Date(run.finishedAt).toLocaleString() : '',
                        total: run.total,
                      })}
              </Typography>
              {run && (
                <ProgressBar
                  value={percent}
                  aria-label={t('links.progress-label', 'Link check progress')}
                />
              )}
            </Flex>
          </Box>

          <Flex gap={2} wrap="wrap" role="group" aria-label={t('links.filters', 'Show links')}>
            {FILTERS.map((state) => (
              <Button
                key={state}
                variant={filter === state ? 'default' : 'tertiary'}
                onClick={() => setFilter(state)}
              >
                {t(`links.state.${state}`, state)} ({counts[state] ?? 0})
              </Button>
            ))}
          </Flex>

          {links.length === 0 ? (
            <Typography>{t('links.none', 'No links in this state.')}</Typography>
          ) : (
            <Table colCount={5} rowCount={links.length + 1}>
              <TableHeader
                labels={[
                  t('links.link', 'Link'),
                  t('links.where', 'Roundup and section'),
                  t('links.answer', 'Answer'),
                  t('links.checked', 'Checked'),
                  t('links.actions', 'Actions'),
                ]}
              />
              <Tbody>
                {links.map((link) => (
                  <Tr key={link.id}>
                    <Td>
                      <Flex direction="column" alignItems="flex-start">
                        <Typography fontWeight="bold">{link.entry?.title ?? ''}</Typography>
                        <Typography variant="pi" textColor="neutral600">
                          {link.url}
                        </Typography>
                        {link.newUrl && (
                          <Typography variant="pi">
                            {t('links.moved-to', 'Moved to {url}', { url: link.newUrl })}
                          </Typography>
                        )}
                      </Flex>
                    </Td>
                    <Td>
                      <Typography>
                        {link.roundup
                          ? `${link.roundup.title} (${link.roundup.date})`
                          : t('links.inbox', 'Inbox')}
                        {link.section ? ` · ${link.section}` : ''}
                      </Typography>
                    </Td>
                    <Td>
                      <Flex gap={2}>
                        <Badge>{t(`links.state.${link.state}`, link.state)}</Badge>
                        <Typography>
                          {link.status ?? link.reason ?? ''}
                          {link.failures > 1 ? ` ×${link.failures}` : ''}
                        </Typography>
                      </Flex>
                    </Td>
                    <Td>
                      <Typography>
                        {link.lastCheckedAt ? new Date(link.lastCheckedAt).toLocaleString() : ''}
                      </Typography>
                    </Td>
                    <Td>
                      <Flex gap={2} wrap="wrap">
                        <LinkButton
                          variant="tertiary"
                          href={link.url}
                          target="_blank"
                          rel="noreferrer noopener"
                        >
                          {t('links.open', 'Open')}
                        </LinkButton>
                        {link.newUrl && (
                          <Button
                            variant="secondary"
                            onClick={() =>
                              act(
                                link.id,
                                'use-new-url',
                                t('links.used-new', 'The link now uses its new URL.')
                              )
                            }
                          >
                            {t('links.use-new', 'Use new URL')}
                          </Button>
                        )}
                        {link.archivedUrl && filter !== 'ok' && (
                          <Button
                            variant="secondary"
                            onClick={() =>
                              act(
                                link.id,
                                'use-archived-copy',
                                t('links.used-archive', 'The link now points to its archived copy.')
                              )
                            }
                          >
                            {t('links.use-archive', 'Use archived copy')}
                          </Button>
                        )}
                        {filter === 'ignored' ? (
                          <Button
                            variant="tertiary"
                            onClick={() =>
                              act(
                                link.id,
                                'unignore',
                                t('links.unignored', 'The link is checked again.')
                              )
                            }
                          >
                            {t('links.unignore', 'Check again')}
                          </Button>
                        ) : (
                          <Button
                            variant="tertiary"
                            onClick={() =>
                              act(link.id, 'ignore', t('links.ignored', 'The link is ignored.'))
                            }
                          >
                            {t('links.ignore', 'Ignore')}
                          </Button>
                        )}
                      </Flex>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default LinkHealthPage;
