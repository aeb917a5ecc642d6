import * as React from 'react';
import { Button, Flex, Modal } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import type { EditorView } from '../../../shared/contracts/editor';
import { bindTextFields, TextField } from '../components/TextField';
import { useNewRoundup } from '../hooks/useNewRoundup';
import { useT } from '../hooks/useT';

/** "New roundup": a title and a date, errors shown under each field. */
export const NewRoundup = ({ onCreated }: { onCreated: (view: EditorView) => void }) => {
  const t = useT();
  const [open, setOpen] = React.useState(false);
  const { form, errors, busy, change, create } = useNewRoundup();
  const field = bindTextFields<'title' | 'date'>(form, errors, change);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const view = await create();
    if (!view) return;
    setOpen(false);
    onCreated(view);
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
