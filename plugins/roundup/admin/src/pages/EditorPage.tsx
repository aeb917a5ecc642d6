import * as React from 'react';
import { Alert, Box, Button, Flex, Grid, LinkButton, Typography } from '@strapi/design-system';
import { ArrowLeft, ExternalLink, Pencil } from '@strapi/icons';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Link, useParams } from 'react-router-dom';
import { AddLinks } from '../editor/AddLinks';
import { Preview } from '../editor/Preview';
import { ScheduleDialog } from '../editor/ScheduleDialog';
import { ScheduleStatus } from '../editor/ScheduleStatus';
import { useRoundupSchedule } from '../editor/schedule';
import { Sections } from '../editor/Sections';
import { StatusBadge } from '../editor/StatusBadge';
import { sameOrder, type Order } from '../editor/moves';
import { useRoundupPermissions } from '../editor/permissions';
import { useT } from '../utils/useT';
import {
  contentManagerPath,
  errorMessage,
  errorStatus,
  paths,
  renderedUrl,
  type EditorView,
  type EntryCard,
} from './api';

const orderOf = (view: EditorView): Order =>
  view.sections
    .filter((section) => section.category)
    .map((section) => ({
      category: section.category!.documentId,
      entries: section.entries.map((e) => e.documentId),
    }));

/**
 * One roundup as its editor works on it: sections of link cards to drag
 * into order, links to add, the rendered draft beside them, and publishing.
 * Every reorder is sent with the order version the page holds; when someone
 * else changed the order first, the page says so and shows theirs.
 */
const EditorPage = () => {
  const t = useT();
  const { documentId = '' } = useParams<{ documentId: string }>();
  const { get, put, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const permissions = useRoundupPermissions();
  const { schedule, setSchedule } = useRoundupSchedule(documentId);
  const [view, setView] = React.useState<EditorView | null>(null);
  const [order, setOrder] = React.useState<Order>([]);
  const [saving, setSaving] = React.useState(false);
  const [publishing, setPublishing] = React.useState(false);
  const [revision, setRevision] = React.useState(0);
  const [missing, setMissing] = React.useState<string | null>(null);

  const show = React.useCallback((next: EditorView) => {
    setView(next);
    setOrder(orderOf(next));
    setRevision((r) => r + 1);
  }, []);

  const load = React.useCallback(async () => {
    try {
      const { data } = await get<EditorView>(paths.editor(documentId));
      show(data);
    } catch (error) {
      if (errorStatus(error) === 404) setMissing(errorMessage(error));
      else toggleNotification({ type: 'danger', message: errorMessage(error) });
    }
  }, [documentId, get, show, toggleNotification]);

  React.useEffect(() => {
    void load();
  }, [load]);

  const cards = React.useMemo(() => {
    const byId = new Map<string, EntryCard>();
    view?.sections.forEach((section) =>
      section.entries.forEach((card) => byId.set(card.documentId, card))
    );
    return byId;
  }, [view]);
  const names = React.useMemo(
    () =>
      new Map(
        (view?.sections ?? []).flatMap((s) =>
          s.category ? [[s.category.documentId, s.category.name] as const] : []
        )
      ),
    [view]
  );
  const orphans = view?.sections.find((section) => !section.category)?.entries ?? [];
  const canReorder = permissions.canReorder && orphans.length === 0;

  const saveOrder = async (next: Order) => {
    if (!view || sameOrder(next, orderOf(view))) {
      setOrder(next);
      return;
    }
    setOrder(next);
    setSaving(true);
    try {
      await put(paths.order(documentId), { version: view.version, sections: next });
      await load();
    } catch (error) {
      if (errorStatus(error) === 409) {
        toggleNotification({
          type: 'warning',
          title: t('editor.conflict-title', 'The order changed meanwhile'),
          message: t(
            'editor.conflict',
            'Someone else changed the order of this roundup since you opened it. The page now shows their order; make your change again.'
          ),
        });
      } else {
        toggleNotification({ type: 'danger', message: errorMessage(error) });
      }
      await load();
    } finally {
      setSaving(false);
    }
  };

  const setPublished = async (publish: boolean) => {
    setPublishing(true);
    try {
      const { data } = await post<EditorView>(
        publish ? paths.publish(documentId) : paths.unpublish(documentId)
      );
      show(data);
      toggleNotification({
        type: 'success',
        message: publish
          ? t('editor.published', 'Published')
          : t('editor.unpublished', 'Unpublished'),
      });
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setPublishing(false);
    }
  };

  if (missing) {
    return (
      <Page.Main>
        <Layouts.Content>
          <Box paddingTop={8}>
            <Alert
              variant="danger"
              closeLabel={t('action.close', 'Close')}
              title={t('editor.missing', 'No such roundup')}
            >
              {missing}
            </Alert>
          </Box>
        </Layouts.Content>
      </Page.Main>
    );
  }
  if (permissions.isLoading || !view) return <Page.Loading />;

  const { roundup } = view;
  const live = roundup.status !== 'draft' && roundup.slug;

  return (
    <Page.Main>
      <Page.Title>{roundup.title}</Page.Title>
      <Layouts.Header
        navigationAction={
          <Link to=".." relative="path" aria-label={t('editor.back', 'Back to roundups')}>
            <Flex gap={1}>
              <ArrowLeft />
              <Typography>{t('editor.back', 'Back to roundups')}</Typography>
            </Flex>
          </Link>
        }
        title={roundup.title}
        subtitle={
          <Flex gap={2} tag="span">
            <StatusBadge status={roundup.status} />
            <Typography textColor="neutral600">
              {roundup.date} ·{' '}
              {t('editor.count', '{count, plural, =0 {no links} one {# link} other {# links}}', {
                count: roundup.entries,
              })}
            </Typography>
            {saving && (
              <Typography textColor="neutral600">{t('editor.saving', 'Saving…')}</Typography>
            )}
          </Flex>
        }
        primaryAction={
          permissions.canPublish ? (
            <Flex gap={2}>
              <ScheduleDialog documentId={documentId} schedule={schedule} onChange={setSchedule} />
              {roundup.status !== 'draft' && (
                <Button
                  variant="secondary"
                  onClick={() => setPublished(false)}
                  loading={publishing}
                >
                  {t('editor.unpublish', 'Unpublish')}
                </Button>
              )}
              {roundup.status !== 'published' && (
                <Button onClick={() => setPublished(true)} loading={publishing}>
                  {roundup.status === 'modified'
                    ? t('editor.publish-changes', 'Publish changes')
                    : t('editor.publish', 'Publish')}
                </Button>
              )}
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
                href={renderedUrl(roundup.slug!, 'markdown')}
                isExternal
                variant="tertiary"
                startIcon={<ExternalLink />}
              >
                {t('editor.public-markdown', 'Published Markdown')}
              </LinkButton>
            )}
          </Flex>
        }
      />
      <Layouts.Content>
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
                order={order}
                names={names}
                cards={cards}
                orphans={orphans}
                canReorder={canReorder}
                onPreview={setOrder}
                onCommit={saveOrder}
              />
              {permissions.canCreate && (
                <AddLinks
                  roundupId={documentId}
                  sections={[...names.entries()].map(([id, name]) => ({ documentId: id, name }))}
                  onAdded={show}
                />
              )}
            </Flex>
          </Grid.Item>
          <Grid.Item col={5} s={12} direction="column" alignItems="stretch">
            <Box style={{ width: '100%' }}>
              <Preview roundupId={documentId} revision={revision} />
            </Box>
          </Grid.Item>
        </Grid.Root>
      </Layouts.Content>
    </Page.Main>
  );
};

export default EditorPage;
