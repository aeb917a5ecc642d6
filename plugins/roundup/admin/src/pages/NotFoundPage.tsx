import { EmptyStateLayout, LinkButton } from '@strapi/design-system';
import { ArrowLeft } from '@strapi/icons';
import { Link } from 'react-router-dom';
import { roundupsPagePath } from '../api/paths';
import { PluginPage } from '../components/PluginPage';
import { useT } from '../hooks/useT';

interface NotFoundPageProps {
  /** What is missing ("No such roundup"); by default, the page itself. */
  title?: string;
  message?: string;
}

/** An address among the plugin's pages that shows nothing: says so, and leads back to the Roundups list. */
const NotFoundPage = ({ title, message }: NotFoundPageProps) => {
  const t = useT();
  return (
    <PluginPage title={title ?? t('not-found.title', 'Page not found')}>
      <EmptyStateLayout
        content={
          message ??
          t('not-found.message', 'There is no Roundup page at this address. It may have moved.')
        }
        action={
          <LinkButton
            tag={Link}
            to={roundupsPagePath}
            variant="secondary"
            startIcon={<ArrowLeft />}
          >
            {t('not-found.back', 'Back to the Roundups list')}
          </LinkButton>
        }
      />
    </PluginPage>
  );
};

export default NotFoundPage;
