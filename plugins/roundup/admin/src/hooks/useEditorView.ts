import * as React from 'react';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { EditorView, EntryCard, OrderRequest } from '../../../shared/contracts/editor';
import { errorMessage, errorStatus } from '../api/errors';
import { paths } from '../api/paths';
import { sameOrder, type Order } from '../editor/moves';
import { useErrorNotification } from './useErrorNotification';
import { useT } from './useT';

const orderOf = (view: EditorView): Order =>
  view.sections.flatMap((section) =>
    section.category
      ? [
          {
            category: section.category.documentId,
            entries: section.entries.map((e) => e.documentId),
            parent: section.category.parent,
          },
        ]
      : []
  );

/** The order to send: a parent only where the page moved a section, so others' moves stand. */
const orderRequest = (view: EditorView, next: Order): OrderRequest['sections'] => {
  const parentNow = new Map(orderOf(view).map((s) => [s.category, s.parent ?? null]));
  return next.map(({ parent = null, ...section }) =>
    parentNow.get(section.category) === parent ? section : { ...section, parent }
  );
};

/**
 * One roundup as its editor works on it: the page's view, the order shown
 * (ahead of the saved one while a link is held), saving a reorder with the
 * order version the page holds, and publishing. When someone else changed
 * the order first, it says so and shows theirs.
 */
export const useEditorView = (documentId: string) => {
  const t = useT();
  const { get, put, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const notifyError = useErrorNotification();
  const [view, setView] = React.useState<EditorView | null>(null);
  const [order, setOrder] = React.useState<Order>([]);
  const [saving, setSaving] = React.useState(false);
  const [publishing, setPublishing] = React.useState(false);
  // Bumped whenever the roundup changed, so that the preview renders it again.
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
      else notifyError(error);
    }
  }, [documentId, get, show, notifyError]);

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
  const texts = React.useMemo(
    () =>
      new Map(
        (view?.sections ?? []).flatMap((s) =>
          s.category ? [[s.category.documentId, { note: s.note, link: s.link }] as const] : []
        )
      ),
    [view]
  );
  const orphans = view?.sections.find((section) => !section.category)?.entries ?? [];

  const saveOrder = async (next: Order) => {
    setOrder(next);
    if (!view || sameOrder(next, orderOf(view))) return;
    setSaving(true);
    try {
      const body: OrderRequest = { version: view.version, sections: orderRequest(view, next) };
      await put(paths.order(documentId), body);
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
        notifyError(error);
      }
      await load();
    } finally {
      setSaving(false);
    }
  };

  /** Saves this roundup's note and heading link of one section in one request, then shows the page and preview again. */
  const saveSectionText = async (category: string, text: { note: string; link: string }) => {
    setSaving(true);
    try {
      const { data } = await put<EditorView>(paths.section(documentId, category), {
        note: text.note,
        url: text.link.trim(),
      });
      show(data);
      return true;
    } catch (error) {
      notifyError(error);
      return false;
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
      notifyError(error);
    } finally {
      setPublishing(false);
    }
  };

  return {
    view,
    /** The server's message when there is no such roundup. */
    missing,
    order,
    cards,
    names,
    texts,
    orphans,
    revision,
    saving,
    publishing,
    /** Shows a new order without saving it. */
    previewOrder: setOrder,
    saveOrder,
    saveSectionText,
    setPublished,
    /** Shows the page the server answered after a change (a link added). */
    show,
  };
};
