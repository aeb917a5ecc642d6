import type { ScheduledChange } from '../../../shared/contracts/schedule';

/** The zone this browser's clock is in: the one a new schedule is given in. */
export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Every zone this browser knows (the list `Intl` gives, as ES2022 names it). */
export const knownTimeZones = (): string[] =>
  (Intl as unknown as { supportedValuesOf?: (key: 'timeZone') => string[] }).supportedValuesOf?.(
    'timeZone'
  ) ?? [];

/**
 * "Fri 5 Dec, 09:00 Europe/Berlin": when a change runs, on the clock of the
 * zone it was given in (the year too when it is not this one's).
 */
export const formatScheduled = (
  change: Pick<ScheduledChange, 'at' | 'timeZone'>,
  locale: string
) => {
  const at = new Date(change.at);
  const year = (date: Date) =>
    new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: change.timeZone }).format(date);
  const format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: year(at) === year(new Date()) ? undefined : 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: change.timeZone,
  });
  if (locale !== 'en') return `${format.format(at)} ${change.timeZone}`;
  // English as curators write it, with or without the year: "Fri 8 Jan 2027, 09:00".
  const part = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  const date = [part.weekday, part.day, part.month, part.year].filter(Boolean).join(' ');
  return `${date}, ${part.hour}:${part.minute} ${change.timeZone}`;
};
