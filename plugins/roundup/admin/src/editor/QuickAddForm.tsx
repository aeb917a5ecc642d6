import type * as React from 'react';
import {
  Button,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  Typography,
} from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import type { EditorView, SectionRef } from '../../../shared/contracts/editor';
import { Panel } from '../components/Panel';
import { bindTextFields, TextField } from '../components/TextField';
import { useQuickAdd } from '../hooks/useQuickAdd';
import { useT } from '../hooks/useT';

const URL_EXAMPLE = 'https://example.com/article';

interface QuickAddFormProps {
  roundupId: string;
  sections: SectionRef[];
  onAdded: (view: EditorView) => void;
}

/** Quick-add: a new link straight into this roundup, each bad field marked under it. */
export const QuickAddForm = ({ roundupId, sections, onAdded }: QuickAddFormProps) => {
  const t = useT();
  const { form, errors, busy, unfurlNote, set, submit } = useQuickAdd(roundupId, onAdded);
  const field = bindTextFields(form, errors, (name, value) => set(name)(value));
  return (
    <Panel label={t('add.title', 'Add a link')}>
      <form onSubmit={submit} noValidate>
        <Flex direction="column" alignItems="stretch" gap={3}>
          <Typography variant="delta" tag="h2">
            {t('add.title', 'Add a link')}
          </Typography>
          <TextField {...field('url', t('field.url', 'URL'))} placeholder={URL_EXAMPLE} required>
            {unfurlNote && (
              <Typography variant="pi" textColor="neutral600" data-unfurl-note>
                {unfurlNote}
              </Typography>
            )}
          </TextField>
          <TextField {...field('title', t('field.title', 'Title'))} required />
          <TextField {...field('author', t('field.author', 'Author'))} />
          <Field.Root
            name="description"
            error={errors.description}
            hint={t('add.commentary-hint', 'Markdown')}
          >
            <Field.Label>{t('field.commentary', 'Commentary')}</Field.Label>
            <Textarea
              value={form.description}
              onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) =>
                set('description')(e.target.value)
              }
            />
            <Field.Hint />
            <Field.Error />
          </Field.Root>
          <Field.Root name="category" error={errors.category} required>
            <Field.Label>{t('field.section', 'Section')}</Field.Label>
            <SingleSelect
              value={form.category}
              placeholder={t('add.section-placeholder', 'Choose a section')}
              onChange={(value: string | number) => set('category')(String(value))}
            >
              {sections.map((section) => (
                <SingleSelectOption key={section.documentId} value={section.documentId}>
                  {section.name}
                </SingleSelectOption>
              ))}
            </SingleSelect>
            <Field.Error />
          </Field.Root>
          <Flex justifyContent="flex-end">
            <Button type="submit" startIcon={<Plus />} loading={busy}>
              {t('add.submit', 'Add link')}
            </Button>
          </Flex>
        </Flex>
      </form>
    </Panel>
  );
};
