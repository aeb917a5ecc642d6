import * as React from 'react';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { EditorView, NewEntry } from '../../../shared/contracts/editor';
import { fieldErrors } from '../api/errors';
import { paths } from '../api/paths';
import { useErrorNotification } from './useErrorNotification';
import { useT } from './useT';
import { useUnfurl } from './useUnfurl';

const EMPTY = { url: '', title: '', author: '', description: '', category: '' };

export type QuickAddField = keyof typeof EMPTY;

/**
 * Quick-add's form: a new link straight into roundup `roundupId`, its title
 * and author filled from the page when left empty, each bad field named
 * under it. The section chosen stays for the next link.
 */
export const useQuickAdd = (roundupId: string, onAdded: (view: EditorView) => void) => {
  const t = useT();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const notifyError = useErrorNotification();
  const [form, setForm] = React.useState(EMPTY);
  const [errors, setErrors] = React.useState<Partial<Record<QuickAddField, string>>>({});
  const [busy, setBusy] = React.useState(false);

  const unfurlNote = useUnfurl(form.url, (page) =>
    setForm((previous) => ({
      ...previous,
      title: previous.title || page.title || '',
      author: previous.author || page.author || '',
    }))
  );

  const set = (field: QuickAddField) => (value: string) => {
    setForm((previous) => ({ ...previous, [field]: value }));
    setErrors((previous) => ({ ...previous, [field]: '' }));
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const entry: NewEntry = {
        url: form.url,
        title: form.title,
        author: form.author || null,
        description: form.description || null,
        category: form.category,
      };
      const { data } = await post<EditorView>(paths.entries(roundupId), entry);
      setForm({ ...EMPTY, category: form.category });
      setErrors({});
      onAdded(data);
      toggleNotification({ type: 'success', message: t('add.added', 'Link added') });
    } catch (error) {
      const byField = fieldErrors(error);
      if (Object.keys(byField).length) setErrors(byField);
      else notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  return { form, errors, busy, unfurlNote, set, submit };
};
