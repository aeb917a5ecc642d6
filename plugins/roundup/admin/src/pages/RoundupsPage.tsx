import * as React from 'react';
import { LinkButton } from '@strapi/design-system';
import { Upload } from '@strapi/icons';
import { Page } from '@strapi/strapi/admin';
import { Link, useNavigate } from 'react-router-dom';
import type { RoundupList } from '../../../shared/contracts/editor';
import { paths } from '../api/paths';
import { Pager } from '../components/Pager';
import { PluginPage } from '../components/PluginPage';
import { useAdminGet } from '../hooks/useAdminGet';
import { useRoundupPermissions } from '../hooks/useRoundupPermissions';
import { useT } from '../hooks/useT';
import { CapturePanel } from '../roundups/CapturePanel';
import { NewRoundup } from '../roundups/NewRoundup';
import { RoundupTable } from '../roundups/RoundupTable';

const PAGE_SIZE = 25;

/** Every roundup, newest first: title, date, status and number of links. */
const RoundupsPage = () => {
  const t = useT();
  const navigate = useNavigate();
  const permissions = useRoundupPermissions();
  const [page, setPage] = React.useState(1);
  const { data } = useAdminGet<RoundupList>(paths.roundups(page, PAGE_SIZE));

  if (permissions.isLoading || !data) return <Page.Loading />;

  return (
    <PluginPage
      title={t('list.title', 'Roundups')}
      subtitle={t(
        'list.subtitle',
        '{total, plural, =0 {No roundups yet} one {# roundup} other {# roundups}}',
        { total: data.pagination.total }
      )}
      primaryAction={
        permissions.canCreate ? (
          <NewRoundup onCreated={(view) => navigate(view.roundup.documentId)} />
        ) : undefined
      }
      secondaryAction={
        permissions.canImport ? (
          <LinkButton tag={Link} to="import" variant="secondary" startIcon={<Upload />}>
            {t('list.import', 'Import Markdown')}
          </LinkButton>
        ) : undefined
      }
    >
      <RoundupTable roundups={data.results} />
      <Pager
        page={page}
        pageCount={data.pagination.pageCount}
        onPage={setPage}
        previous={t('list.previous', 'Previous')}
        next={t('list.next', 'Next')}
      />
      {permissions.canCreate && <CapturePanel />}
    </PluginPage>
  );
};

export default RoundupsPage;
