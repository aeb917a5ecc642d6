import * as React from 'react';
import { Box, Button, Field, Flex, Textarea } from '@strapi/design-system';
import { ChevronDown, ChevronRight } from '@strapi/icons';
import { TextField } from '../components/TextField';
import { useT } from '../hooks/useT';

export interface SectionTextProps {
  category: string;
  name: string;
  note: string | null;
  link: string | null;
  /** Saves both; true when the server took them. */
  onSave: (category: string, text: { note: string; link: string }) => Promise<boolean>;
}

/**
 * This roundup's own text for one section, the Markdown note under its heading
 * and the heading's link, behind a toggle so that the links stay in view.
 */
export const SectionText = ({ category, name, note, link, onSave }: SectionTextProps) => {
  const t = useT();
  const [open, setOpen] = React.useState(false);
  const [text, setText] = React.useState({ note: note ?? '', link: link ?? '' });
  const [busy, setBusy] = React.useState(false);
  React.useEffect(() => setText({ note: note ?? '', link: link ?? '' }), [note, link]);
  const changed = text.note !== (note ?? '') || text.link !== (link ?? '');

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    await onSave(category, text);
    setBusy(false);
  };

  const formId = `section-text-${category}`;
  return (
    <Box paddingBottom={2}>
      <Button
        variant="ghost"
        size="S"
        startIcon={open ? <ChevronDown /> : <ChevronRight />}
        aria-expanded={open}
        aria-controls={formId}
        onClick={() => setOpen(!open)}
      >
        {t('section.text-toggle', 'Note and heading link of {name}', { name })}
        {(note || link) && !open ? ` · ${t('section.text-set', 'set')}` : ''}
      </Button>
      {open && (
        <form
          id={formId}
          onSubmit={save}
          aria-label={t('section.text', 'Note and link of {name}', { name })}
        >
          <Flex direction="column" alignItems="stretch" gap={2} paddingBottom={3}>
            <Field.Root
              name={`note-${category}`}
              hint={t(
                'section.note-hint',
                'Markdown, shown under the heading in this roundup only'
              )}
            >
              <Field.Label>{t('section.note', 'Note on {name}', { name })}</Field.Label>
              <Textarea
                value={text.note}
                onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) =>
                  setText({ ...text, note: e.target.value })
                }
              />
              <Field.Hint />
            </Field.Root>
            <TextField
              name={`link-${category}`}
              label={t('section.link', 'Heading link of {name}', { name })}
              hint={t(
                'section.link-hint',
                'An http(s) URL the heading links to in this roundup; empty for none'
              )}
              placeholder="https://"
              value={text.link}
              onChange={(value) => setText({ ...text, link: value })}
            />
            <Flex justifyContent="flex-end">
              <Button type="submit" variant="secondary" size="S" loading={busy} disabled={!changed}>
                {t('section.save', 'Save note and link of {name}', { name })}
              </Button>
            </Flex>
          </Flex>
        </form>
      )}
    </Box>
  );
};
