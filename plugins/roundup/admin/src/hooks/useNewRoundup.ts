import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { EditorView, NewRoundup } from '../../../shared/contracts/editor';
import { errorMessage, fieldErrors } from '../api/errors';
import { paths } from '../api/paths';

const lastDayOfThisMonth = () => {
  const now = new Date();
  const last = new Date(Date.UTC(now.getFullYear(), now.getMonth() + 1, 0));
  return last.toISOString().slice(0, 10);
};

/**
 * A new roundup's form: a title and a date (by default the last day of this
 * month); `create` answers the new roundup's page, or null with the server's
 * refusal under the fields it names (under the title when it names none).
 */
export const useNewRoundup = () => {
  const { post } = useFetchClient();
  const [form, setForm] = React.useState<NewRoundup>(() => ({
    title: '',
    date: lastDayOfThisMonth(),
  }));
  const [errors, setErrors] = React.useState<Partial<Record<keyof NewRoundup, string>>>({});
  const [busy, setBusy] = React.useState(false);

  const change = (name: 'title' | 'date', value: string) =>
    setForm((previous) => ({ ...previous, [name]: value }));

  const create = async (): Promise<EditorView | null> => {
    setBusy(true);
    try {
      const { data } = await post<EditorView>(paths.newRoundup, form);
      return data;
    } catch (error) {
      const byField = fieldErrors(error);
      setErrors(Object.keys(byField).length ? byField : { title: errorMessage(error) });
      return null;
    } finally {
      setBusy(false);
    }
  };

  return { form, errors, busy, change, create };
};
