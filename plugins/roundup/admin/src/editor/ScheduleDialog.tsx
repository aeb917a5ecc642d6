import * as React from 'react';
import {
  Button,
  Combobox,
  ComboboxOption,
  Field,
  Flex,
  Modal,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { Clock } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { RoundupSchedule, ScheduleRequest } from '../../../shared/contracts/schedule';
import { errorMessage, fieldErrors } from '../api/errors';
import { paths } from '../api/paths';
import { useErrorNotification } from '../hooks/useErrorNotification';
import { useT } from '../hooks/useT';
import { browserTimeZone, knownTimeZones } from './schedule';

/**
 * "Schedule…": when to publish the roundup and, if wanted, unpublish it,
 * as wall times in a time zone (this browser's by default, the schedule's
 * own once there is one). Saving replaces the times; emptying one cancels it.
 */
export const ScheduleDialog = ({
  documentId,
  schedule,
  onChange,
}: {
  documentId: string;
  schedule: RoundupSchedule | null;
  onChange: (schedule: RoundupSchedule) => void;
}) => {
  const t = useT();
  const { put, del } = useFetchClient();
  const { toggleNotification } = useNotification();
  const notifyError = useErrorNotification();
  const [open, setOpen] = React.useState(false);
  const [publishAt, setPublishAt] = React.useState('');
  const [unpublishAt, setUnpublishAt] = React.useState('');
  const [timeZone, setTimeZone] = React.useState(browserTimeZone);
  // What the zone field shows while the editor types in it, before an option is picked.
  const [zoneText, setZoneText] = React.useState(timeZone);
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [busy, setBusy] = React.useState(false);
  const zones = React.useMemo(() => {
    const known = knownTimeZones();
    return known.includes(timeZone) ? known : [timeZone, ...known];
  }, [timeZone]);

  const start = (next: boolean) => {
    if (next) {
      setPublishAt(schedule?.publish?.wallTime ?? '');
      setUnpublishAt(schedule?.unpublish?.wallTime ?? '');
      const zone =
        schedule?.publish?.timeZone ?? schedule?.unpublish?.timeZone ?? browserTimeZone();
      setTimeZone(zone);
      setZoneText(zone);
      setErrors({});
    }
    setOpen(next);
  };

  const done = (next: RoundupSchedule, message: string) => {
    onChange(next);
    setOpen(false);
    toggleNotification({ type: 'success', message });
  };

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    // An emptied time cancels a change that was scheduled; one never set is left out.
    const time = (value: string, scheduled: unknown) =>
      value ? value : scheduled ? null : undefined;
    const body: ScheduleRequest = {
      publishAt: time(publishAt, schedule?.publish),
      unpublishAt: time(unpublishAt, schedule?.unpublish),
      timeZone,
    };
    setBusy(true);
    try {
      const { data } = await put<RoundupSchedule>(paths.schedule(documentId), body);
      done(data, t('schedule.saved', 'Schedule saved'));
    } catch (error) {
      const byField = fieldErrors(error);
      setErrors(Object.keys(byField).length ? byField : { publishAt: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  const cancelAll = async () => {
    setBusy(true);
    try {
      const { data } = await del<RoundupSchedule>(paths.schedule(documentId));
      done(data, t('schedule.cancelled', 'Schedule cancelled'));
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  const dateTime = (
    name: 'publishAt' | 'unpublishAt',
    label: string,
    value: string,
    set: (value: string) => void
  ) => (
    <Field.Root
      name={name}
      error={errors[name]}
      hint={t('schedule.in-zone', 'In {zone}', { zone: timeZone })}
    >
      <Field.Label>{label}</Field.Label>
      <TextInput
        type="datetime-local"
        step={60}
        value={value}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => set(e.target.value)}
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );

  const scheduled = Boolean(schedule?.publish || schedule?.unpublish);
  return (
    <Modal.Root open={open} onOpenChange={start}>
      <Modal.Trigger>
        <Button variant="secondary" startIcon={<Clock />}>
          {t('schedule.open', 'Schedule…')}
        </Button>
      </Modal.Trigger>
      <Modal.Content>
        <form onSubmit={save} noValidate aria-label={t('schedule.title', 'Schedule')}>
          <Modal.Header>
            <Modal.Title>{t('schedule.title', 'Schedule')}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Typography textColor="neutral600">
                {t(
                  'schedule.explain',
                  'The roundup publishes the draft as it is at that time, with everything a publish does: build hooks, feeds, caches.'
                )}
              </Typography>
              {dateTime(
                'publishAt',
                t('schedule.publish-at', 'Publish at'),
                publishAt,
                setPublishAt
              )}
              {dateTime(
                'unpublishAt',
                t('schedule.unpublish-at', 'Unpublish at (optional)'),
                unpublishAt,
                setUnpublishAt
              )}
              <Field.Root name="timeZone" error={errors.timeZone}>
                <Field.Label>{t('schedule.time-zone', 'Time zone')}</Field.Label>
                <Combobox
                  value={timeZone}
                  textValue={zoneText}
                  onTextValueChange={setZoneText}
                  onChange={(value?: string) => {
                    if (!value) return;
                    setTimeZone(value);
                    setZoneText(value);
                  }}
                  autocomplete={{ type: 'list', filter: 'contains' }}
                >
                  {zones.map((zone) => (
                    <ComboboxOption key={zone} value={zone}>
                      {zone}
                    </ComboboxOption>
                  ))}
                </Combobox>
                <Field.Error />
              </Field.Root>
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            {scheduled ? (
              <Button variant="danger-light" onClick={cancelAll} loading={busy}>
                {t('schedule.cancel', 'Cancel schedule')}
              </Button>
            ) : (
              <Modal.Close>
                <Button variant="tertiary">{t('action.cancel', 'Cancel')}</Button>
              </Modal.Close>
            )}
            <Button type="submit" loading={busy}>
              {t('schedule.save', 'Schedule')}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
