import * as React from 'react';
import { Box, Button, Checkbox, Field, Flex, NumberInput } from '@strapi/design-system';
import { ROUNDUP_EVENTS, type BuildHookInput } from '../../../shared/contracts/build-hooks';
import { fieldErrors } from '../api/errors';
import { FormCard } from '../components/FormCard';
import { bindTextFields, TextField } from '../components/TextField';
import { useErrorNotification } from '../hooks/useErrorNotification';
import { useT } from '../hooks/useT';

const EMPTY = {
  name: '',
  url: '',
  secret: '',
  events: [...ROUNDUP_EVENTS],
  debounceMs: 5000,
  maxWaitMs: 60000,
};

/** "Add build hook": name, URL, optional secret, events and timing; refusals under their fields. */
export const HookForm = ({ onAdd }: { onAdd: (input: BuildHookInput) => Promise<void> }) => {
  const t = useT();
  const notifyError = useErrorNotification();
  const [form, setForm] = React.useState(EMPTY);
  const [errors, setErrors] = React.useState<Record<string, string>>({});

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    try {
      const { secret, ...rest } = form;
      await onAdd(secret ? form : rest);
      setForm(EMPTY);
      setErrors({});
    } catch (error) {
      setErrors(fieldErrors(error));
      notifyError(error);
    }
  };

  const field = bindTextFields<'name' | 'url' | 'secret'>(form, errors, (key, value) =>
    setForm((f) => ({ ...f, [key]: value }))
  );

  return (
    <FormCard title={t('hooks.add', 'Add build hook')} onSubmit={submit}>
      <TextField {...field('name', t('hooks.name', 'Name'))} />
      <TextField
        {...field('url', t('hooks.url', 'URL'))}
        hint={t(
          'hooks.urlHint',
          'A public http(s) address on port 80 or 443. Servers on a private network need an entry in outbound.allow (ROUNDUP_OUTBOUND_ALLOW).'
        )}
      />
      <TextField {...field('secret', t('hooks.secret', 'Secret (whsec_…, optional)'))} />
      <Field.Root name="events" error={errors.events}>
        <Field.Label>{t('hooks.events', 'Events')}</Field.Label>
        <Flex gap={4}>
          {ROUNDUP_EVENTS.map((name) => (
            <Checkbox
              key={name}
              checked={form.events.includes(name)}
              onCheckedChange={(on: boolean) =>
                setForm((f) => ({
                  ...f,
                  events: on ? [...f.events, name] : f.events.filter((e) => e !== name),
                }))
              }
            >
              {name}
            </Checkbox>
          ))}
        </Flex>
        <Field.Error />
      </Field.Root>
      {(['debounceMs', 'maxWaitMs'] as const).map((key) => (
        <Field.Root key={key} name={key} error={errors[key]}>
          <Field.Label>
            {key === 'debounceMs'
              ? t('hooks.debounce', 'Debounce (ms)')
              : t('hooks.max-wait', 'Maximum wait (ms)')}
          </Field.Label>
          <NumberInput
            value={form[key]}
            onValueChange={(value: number | undefined) =>
              setForm((f) => ({ ...f, [key]: value ?? 0 }))
            }
          />
          <Field.Error />
        </Field.Root>
      ))}
      <Box>
        <Button type="submit">{t('hooks.add', 'Add build hook')}</Button>
      </Box>
    </FormCard>
  );
};
