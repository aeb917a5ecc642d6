import * as React from 'react';
import { Button, Flex, TextInput } from '@strapi/design-system';
import type { LinkFilter } from '../../../shared/contracts/link-health';
import { PluginPage } from '../components/PluginPage';
import { useLinkHealth } from '../hooks/useLinkHealth';
import { useT } from '../hooks/useT';
import { CheckProgress } from '../link-health/CheckProgress';
import { LinkTable } from '../link-health/LinkTable';

/** The filters in the order an editor works through them: what to fix first. */
const FILTERS: LinkFilter[] = [
  'dead',
  'moved',
  'probably-gone',
  'unknown',
  'ok',
  'unchecked',
  'ignored',
];

/** Roundups → Link health: counts by state, the running check's progress, and the links to fix. */
const LinkHealthPage = () => {
  const t = useT();
  const [filter, setFilter] = React.useState<LinkFilter>('dead');
  const [search, setSearch] = React.useState('');
  const [query, setQuery] = React.useState('');
  const { run, running, links, counts, checkNow, act } = useLinkHealth(filter, query);

  // The list is read again once the editor pauses typing, not on every key.
  React.useEffect(() => {
    const timer = setTimeout(() => setQuery(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);

  return (
    <PluginPage
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
    >
      <Flex direction="column" alignItems="stretch" gap={6}>
        <CheckProgress run={run} />
        <Flex gap={2} wrap="wrap" role="group" aria-label={t('links.filters', 'Show links')}>
          {FILTERS.map((state) => (
            <Button
              key={state}
              variant={filter === state ? 'default' : 'tertiary'}
              onClick={() => setFilter(state)}
            >
              {t(`links.state.${state}`, state)} ({counts?.[state] ?? 0})
            </Button>
          ))}
        </Flex>
        <TextInput
          aria-label={t('links.search', 'Search the links')}
          placeholder={t(
            'links.search-placeholder',
            'Search by words of a title, commentary or site'
          )}
          value={search}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => setSearch(e.target.value)}
        />
        {links && <LinkTable links={links} filter={filter} checked={run !== null} onFix={act} />}
      </Flex>
    </PluginPage>
  );
};

export default LinkHealthPage;
