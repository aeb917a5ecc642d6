import * as React from 'react';
import { Button, Flex, Modal } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { useFetchClient } from '@strapi/strapi/admin';
import type { EditorView, NewRoundup as NewRoundupBody } from '../../../shared/contracts/editor';
import { errorMessage, fieldErrors } from '../api/errors';
import { paths } from '../api/paths';
import { bindTextFields, TextField } from '../components/TextField';
import { useT } from '../hooks/useT';

const lastDayOfThisMonth = () => {
  const now = new Date();
  const last = new Date(Date.UTC(now.getFullYear(), now.getMonth() + 1, 0));
  return last.toISOString().slice(0, 10);
};

/** "New roundup": a title and a date, errors shown under each field. */
export const NewRoundup = ({ onCreated }: { onCreated: (view: EditorView) => void }) => {
  const t = useT();
  const { post } = useFetchClient();
  const [open, setOpen] = React.useState(false);
  const [form, setForm] = React.useState<NewRoundupBody>(() => ({
    title: '',
    date: lastDayOfThisMonth(),
  }));
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [busy, setBusy] = React.useState(false);

  const field = bindTextFields<'title' | 'date'>(form, errors, (name, value) =>
    setForm((previous) => ({ ...previous, [name]: value }))
  );

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const { data } = await post<EditorView>(paths.newRoundup, form);
      setOpen(false);
      onCreated(data);
    } catch (error) {
      const byField = fieldErrors(error);
      setErrors(Object.keys(byField).length ? byField : { title: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal.Root open={open} onOpenChange={setOpen}>
      <Modal.Trigger>
        <Button startIcon={<Plus />}>{t('list.new', 'New roundup')}</Button>
      </Modal.Trigger>
      <Modal.Content>
        <form onSubmit={submit} noValidate>
          <Modal.Header>
            <Modal.Title>{t('list.new', 'New roundup')}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              <TextField
                {...field('title', t('field.title', 'Title'))}
                placeholder={t('list.title-placeholder', "What I've been reading in July")}
                required
              />
              <TextField
                {...field('date', t('field.date', 'Date'))}
                hint={t('list.date-hint', 'YYYY-MM-DD')}
                required
              />
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">{t('action.cancel', 'Cancel')}</Button>
            </Modal.Close>
            <Button type="submit" loading={busy}>
              {t('list.create', 'Create')}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
