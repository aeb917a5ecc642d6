import * as React from 'react';
import { Button, Field, Flex, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import type { GitTargetInput, GitTargetView } from '../../../shared/contracts/git-targets';
import { fieldErrors } from '../api/errors';
import { FormCard } from '../components/FormCard';
import { bindTextFields, TextField } from '../components/TextField';
import { useErrorNotification } from '../hooks/useErrorNotification';
import { useT } from '../hooks/useT';

type TextKey =
  'name' | 'url' | 'branch' | 'path' | 'tokenEnv' | 'author.name' | 'author.email' | 'message';

type FormValues = Record<TextKey, string> & { format: 'markdown' | 'hugo' };

/** The defaults of config/plugins.ts `git.targets`, shown so an editor sees what they get. */
const EMPTY: FormValues = {
  name: '',
  url: '',
  branch: 'main',
  path: '_posts/{date}-{slug}.md',
  tokenEnv: '',
  format: 'markdown',
  'author.name': 'Roundup',
  'author.email': 'roundup@localhost',
  message: 'Publish "{title}"',
};

const fromTarget = (target: GitTargetView): FormValues => ({
  name: target.name,
  url: target.url,
  branch: target.branch,
  path: target.path,
  tokenEnv: target.tokenEnv ?? '',
  format: target.format,
  'author.name': target.author.name,
  'author.email': target.author.email,
  message: target.message,
});

/** The request body: the form's fields over the settings the form does not show (kept on an edit). */
const toInput = (form: FormValues, editing?: GitTargetView): GitTargetInput => ({
  ...(editing && {
    username: editing.username,
    removeMessage: editing.removeMessage,
    debounceMs: editing.debounceMs,
    maxWaitMs: editing.maxWaitMs,
    retry: editing.retry,
  }),
  name: form.name,
  url: form.url,
  branch: form.branch,
  path: form.path,
  ...(form.tokenEnv && { tokenEnv: form.tokenEnv }),
  format: form.format,
  author: { name: form['author.name'], email: form['author.email'] },
  message: form.message,
});

interface GitTargetFormProps {
  /** The admin target being changed; none: a new one. */
  editing?: GitTargetView;
  onSave: (input: GitTargetInput) => Promise<void>;
  onCancel: () => void;
}

/**
 * "Add Git target" and "Edit Git target": where to commit, the token's
 * variable (never the token), the format, author and message; refusals under
 * their fields.
 */
export const GitTargetForm = ({ editing, onSave, onCancel }: GitTargetFormProps) => {
  const t = useT();
  const notifyError = useErrorNotification();
  const [form, setForm] = React.useState(editing ? fromTarget(editing) : EMPTY);
  const [errors, setErrors] = React.useState<Record<string, string>>({});

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    try {
      await onSave(toInput(form, editing));
      setForm(EMPTY);
      setErrors({});
    } catch (error) {
      setErrors(fieldErrors(error));
      notifyError(error);
    }
  };

  const field = bindTextFields<TextKey>(form, errors, (key, value) =>
    setForm((f) => ({ ...f, [key]: value }))
  );
  const title = editing ? t('git.edit', 'Edit Git target') : t('git.add', 'Add Git target');

  return (
    <FormCard title={title} onSubmit={submit} data-git-target-form={editing ? 'edit' : 'add'}>
      <TextField {...field('name', t('git.name', 'Name'))} />
      <TextField
        {...field('url', t('git.url', 'Repository URL'))}
        hint={t(
          'git.urlHint',
          'The https address you clone over. Servers on a private network need an entry in outbound.allow (ROUNDUP_OUTBOUND_ALLOW).'
        )}
      />
      <TextField {...field('branch', t('git.branch', 'Branch'))} />
      <TextField
        {...field('path', t('git.pathField', 'Path'))}
        hint={t('git.pathHint', 'Placeholders: {date}, {slug}, {year}, {month}, {day}.')}
      />
      <TextField
        {...field('tokenEnv', t('git.tokenEnv', 'Token variable (optional)'))}
        hint={t(
          'git.tokenEnvHint',
          'The name of the server’s environment variable that holds the token, never the token itself.'
        )}
      />
      <Field.Root name="format" error={errors.format}>
        <Field.Label>{t('git.format', 'Format')}</Field.Label>
        <SingleSelect
          value={form.format}
          onChange={(value: string | number) =>
            setForm((f) => ({ ...f, format: value === 'hugo' ? 'hugo' : 'markdown' }))
          }
        >
          <SingleSelectOption value="markdown">Markdown (Jekyll)</SingleSelectOption>
          <SingleSelectOption value="hugo">Hugo</SingleSelectOption>
        </SingleSelect>
        <Field.Error />
      </Field.Root>
      <TextField {...field('author.name', t('git.authorName', 'Author name'))} />
      <TextField {...field('author.email', t('git.authorEmail', 'Author email'))} />
      <TextField
        {...field('message', t('git.message', 'Commit message'))}
        hint={t('git.messageHint', '{title}, {slug} and {date} stand for the roundup’s.')}
      />
      <Flex gap={2}>
        <Button type="submit">{editing ? t('git.save', 'Save Git target') : title}</Button>
        {editing && (
          <Button variant="tertiary" onClick={onCancel}>
            {t('git.cancel', 'Cancel')}
          </Button>
        )}
      </Flex>
    </FormCard>
  );
};
