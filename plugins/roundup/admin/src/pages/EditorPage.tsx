import { Alert, Box, Flex, Grid, LinkButton, Typography } from '@strapi/design-system';
import { ArrowLeft, ExternalLink, Pencil } from '@strapi/icons';
import { Page } from '@strapi/strapi/admin';
import { Link, useParams } from 'react-router-dom';
import { contentManagerPath, renderedUrl } from '../api/paths';
import { PluginPage } from '../components/PluginPage';
import { StatusBadge } from '../components/StatusBadge';
import { AddLinks } from '../editor/AddLinks';
import { NewsletterPanel } from '../editor/NewsletterPanel';
import { Preview } from '../editor/Preview';
import { PublishButtons } from '../editor/PublishButtons';
import { ScheduleDialog } from '../editor/ScheduleDialog';
import { ScheduleStatus } from '../editor/ScheduleStatus';
import { Sections } from '../editor/Sections';
import { useEditorView } from '../hooks/useEditorView';
import { useRoundupPermissions } from '../hooks/useRoundupPermissions';
import { useRoundupSchedule } from '../hooks/useSchedule';
import { useT } from '../hooks/useT';
import NotFoundPage from './NotFoundPage';

/**
 * One roundup as its editor works on it: its sections as a tree of link
 * cards to drag into order and nest, each with this roundup's note and
 * heading link, links to add, the rendered draft beside them, and publishing.
 */
const EditorPage = () => {
  const t = useT();
  const { documentId = '' } = useParams<{ documentId: string }>();
  const permissions = useRoundupPermissions();
  const editor = useEditorView(documentId);
  const { schedule, setSchedule } = useRoundupSchedule(documentId);
  const { view } = editor;

  if (editor.missing) {
    return <NotFoundPage title={t('editor.missing', 'No such roundup')} message={editor.missing} />;
  }
  if (permissions.isLoading || !view) return <Page.Loading />;

  const { roundup } = view;
  const live = roundup.status !== 'draft' && roundup.slug;

  return (
    <PluginPage
      title={roundup.title}
      navigationAction={
        <Link to=".." relative="path" aria-label={t('editor.back', 'Back to roundups')}>
          <Flex gap={1}>
            <ArrowLeft />
            <Typography>{t('editor.back', 'Back to roundups')}</Typography>
          </Flex>
        </Link>
      }
      subtitle={
        <Flex gap={2} tag="span">
          <StatusBadge status={roundup.status} />
          <Typography textColor="neutral600">
            {roundup.date} ·{' '}
            {t('editor.count', '{count, plural, =0 {no links} one {# link} other {# links}}', {
              count: roundup.entries,
            })}
          </Typography>
          {editor.saving && (
            <Typography textColor="neutral600">{t('editor.saving', 'Saving…')}</Typography>
          )}
        </Flex>
      }
      primaryAction={
        permissions.canPublish ? (
          <Flex gap={2}>
            <ScheduleDialog documentId={documentId} schedule={schedule} onChange={setSchedule} />
            <PublishButtons
              status={roundup.status}
              busy={editor.publishing}
              onPublish={editor.setPublished}
            />
          </Flex>
        ) : undefined
      }
      secondaryAction={
        <Flex gap={2}>
          <LinkButton
            tag={Link}
            to={contentManagerPath(documentId)}
            variant="tertiary"
            startIcon={<Pencil />}
          >
            {t('editor.content-manager', 'Edit in Content Manager')}
          </LinkButton>
          {live && (
            <LinkButton
              href={renderedUrl(live, 'markdown')}
              isExternal
              variant="tertiary"
              startIcon={<ExternalLink />}
            >
              {t('editor.public-markdown', 'Published Markdown')}
            </LinkButton>
          )}
        </Flex>
      }
    >
      <ScheduleStatus schedule={schedule} history paddingBottom={4} />
      {!permissions.canReorder && (
        <Box paddingBottom={4}>
          <Alert
            variant="default"
            closeLabel={t('action.close', 'Close')}
            title={t('editor.read-only-title', 'Read only')}
          >
            {t('editor.read-only', 'Your role can read this roundup but not change its order.')}
          </Alert>
        </Box>
      )}
      <Grid.Root gap={4}>
        <Grid.Item col={7} s={12} direction="column" alignItems="stretch">
          <Flex direction="column" alignItems="stretch" gap={4} style={{ width: '100%' }}>
            <Sections
              order={editor.order}
              names={editor.names}
              texts={editor.texts}
              cards={editor.cards}
              orphans={editor.orphans}
              canReorder={permissions.canReorder && editor.orphans.length === 0}
              onPreview={editor.previewOrder}
              onCommit={editor.saveOrder}
              onSaveText={permissions.canCreate ? editor.saveSectionText : undefined}
            />
            {permissions.canCreate && (
              <AddLinks
                roundupId={documentId}
                sections={[...editor.names.entries()].map(([id, name]) => ({
                  documentId: id,
                  name,
                }))}
                onAdded={editor.show}
              />
            )}
          </Flex>
        </Grid.Item>
        <Grid.Item col={5} s={12} direction="column" alignItems="stretch">
          <Box style={{ width: '100%' }}>
            <Preview roundupId={documentId} revision={editor.revision} />
            <NewsletterPanel roundupId={documentId} revision={editor.revision} />
          </Box>
        </Grid.Item>
      </Grid.Root>
    </PluginPage>
  );
};

export default EditorPage;
