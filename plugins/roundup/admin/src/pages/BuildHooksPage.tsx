import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  NumberInput,
  Table,
  Tbody,
  Td,
  TextInput,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { TableHeader } from '../components/TableHeader';
import { useT } from '../utils/useT';
import { errorMessage, fieldErrors } from './api';

const EVENTS = ['roundup.publish', 'roundup.unpublish', 'roundup.update', 'roundup.delete'];

interface Hook {
  id: number;
  name: string;
  url: string;
  events: string[];
  hasSecret: boolean;
  enabled: boolean;
  disabledReason: string | null;
  source: 'config' | 'admin';
  debounceMs: number;
  maxWaitMs: number;
}

interface Delivery {
  id: number;
  hook: { id: number; name: string };
  event: string;
  roundup: { slug: string; title: string } | null;
  events: number;
  state: string;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  responseExcerpt: string | null;
  lastEventAt: string;
}

const emptyForm = {
  name: '',
  url: '',
  secret: '',
  events: [...EVENTS],
  debounceMs: 5000,
  maxWaitMs: 60000,
};
/** Settings → Roundup → Build hooks: the hooks, a form to add one, and the delivery log. */
const BuildHooksPage = () => {
  const t = useT();
  const { get, post, del } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [hooks, setHooks] = React.useState<Hook[]>([]);
  const [deliveries, setDeliveries] = React.useState<Delivery[]>([]);
  const [form, setForm] = React.useState(emptyForm);
  const [errors, setErrors] = React.useState<Record<string, string>>({});

  const load = React.useCallback(async () => {
    const [h, d] = await Promise.all([
      get<{ data: Hook[] }>('/roundup/build-hooks'),
      get<{ data: Delivery[] }>('/roundup/deliveries?pageSize=25'),
    ]);
    setHooks(h.data.data);
    setDeliveries(d.data.data);
  }, [get]);

  React.useEffect(() => {
    load().catch((error) => toggleNotification({ type: 'danger', message: errorMessage(error) }));
  }, [load, toggleNotification]);

  const add = async (event: React.FormEvent) => {
    event.preventDefault();
    try {
      const { secret, ...rest } = form;
      await post('/roundup/build-hooks', secret ? form : rest);
      setForm(emptyForm);
      setErrors({});
      await load();
    } catch (error) {
      setErrors(fieldErrors(error));
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    }
  };

  const act = async (action: () => Promise<unknown>) => {
    try {
      await action();
      await load();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    }
  };

  const toggleEvent = (name: string, on: boolean) =>
    setForm((f) => ({
      ...f,
      events: on ? [...f.events, name] : f.events.filter((e) => e !== name),
    }));

  return (
    <Page.Main>
      <Page.Title>{t('hooks.title', 'Build hooks')}</Page.Title>
      <Layouts.Header
        title={t('hooks.title', 'Build hooks')}
        subtitle={t('hooks.subtitle', 'Where to send rebuild requests.')}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Table colCount={5} rowCount={hooks.length + 1}>
            <TableHeader labels={['Name', 'URL', 'Events', 'State', 'Actions']} />
            <Tbody>
              {hooks.map((hook) => (
                <Tr key={hook.id}>
                  <Td>
                    <Typography>
                      {hook.name}
                      {hook.source === 'config' ? ' (config)' : ''}
                    </Typography>
                  </Td>
                  <Td>
                    <Typography>{hook.url}</Typography>
                  </Td>
                  <Td>
                    <Typography>{hook.events.join(', ')}</Typography>
                  </Td>
                  <Td>
                    <Badge>
                      {hook.enabled
                        ? hook.hasSecret
                          ? 'signed'
                          : 'unsigned'
                        : `disabled: ${hook.disabledReason ?? ''}`}
                    </Badge>
                  </Td>
                  <Td>
                    <Flex gap={2}>
                      <Button
                        variant="secondary"
                        onClick={() =>
                          act(() => post(`/roundup/build-hooks/${hook.id}/trigger`, {}))
                        }
                      >
                        {t('hooks.rebuild', 'Rebuild now')}
                      </Button>
                      {hook.source === 'admin' && (
                        <Button
                          variant="danger-light"
                          onClick={() => act(() => del(`/roundup/build-hooks/${hook.id}`))}
                        >
                          {t('hooks.delete', 'Delete')}
                        </Button>
                      )}
                    </Flex>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>

          <Box
            background="neutral0"
            padding={6}
            shadow="filterShadow"
            hasRadius
            tag="form"
            onSubmit={add}
          >
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Typography variant="delta" tag="h2">
                {t('hooks.add', 'Add build hook')}
              </Typography>
              {(['name', 'url', 'secret'] as const).map((key) => (
                <Field.Root
                  key={key}
                  name={key}
                  error={errors[key]}
                  hint={
                    key === 'url'
                      ? t(
                          'hooks.urlHint',
                          'A public http(s) address on port 80 or 443. Servers on a private network need an entry in outbound.allow (ROUNDUP_OUTBOUND_ALLOW).'
                        )
                      : undefined
                  }
                >
                  <Field.Label>
                    {key === 'secret'
                      ? 'Secret (whsec_…, optional)'
                      : key === 'url'
                        ? 'URL'
                        : 'Name'}
                  </Field.Label>
                  <TextInput
                    value={form[key]}
                    onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                      setForm((f) => ({ ...f, [key]: e.target.value }))
                    }
                  />
                  {key === 'url' && <Field.Hint />}
                  <Field.Error />
                </Field.Root>
              ))}
              <Field.Root name="events" error={errors.events}>
                <Field.Label>Events</Field.Label>
                <Flex gap={4}>
                  {EVENTS.map((name) => (
                    <Checkbox
                      key={name}
                      checked={form.events.includes(name)}
                      onCheckedChange={(on: boolean) => toggleEvent(name, on)}
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
                    {key === 'debounceMs' ? 'Debounce (ms)' : 'Maximum wait (ms)'}
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
            </Flex>
          </Box>

          <Typography variant="delta" tag="h2">
            {t('hooks.deliveries', 'Deliveries')}
          </Typography>
          <Table colCount={6} rowCount={deliveries.length + 1}>
            <TableHeader labels={['Time', 'Hook', 'Event', 'State', 'Attempts', 'Last answer']} />
            <Tbody>
              {deliveries.map((delivery) => (
                <Tr key={delivery.id}>
                  <Td>
                    <Typography>{new Date(delivery.lastEventAt).toLocaleString()}</Typography>
                  </Td>
                  <Td>
                    <Typography>{delivery.hook.name}</Typography>
                  </Td>
                  <Td>
                    <Typography>
                      {delivery.event} ({delivery.events}) {delivery.roundup?.slug ?? ''}
                    </Typography>
                  </Td>
                  <Td>
                    <Badge>{delivery.state}</Badge>
                  </Td>
                  <Td>
                    <Typography>{delivery.attempts}</Typography>
                  </Td>
                  <Td>
                    <Typography>
                      {delivery.lastStatus ?? ''} {delivery.lastError ?? ''}{' '}
                      {(delivery.responseExcerpt ?? '').slice(0, 80)}
                    </Typography>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default BuildHooksPage;
