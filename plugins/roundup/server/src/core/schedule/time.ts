import { SCHEDULE_MAX_DAYS_AHEAD } from '../limits';
import {
  knownTimeZone,
  formatWallTime,
  instantOf,
  wallTimeAt,
  type WallTime,
  type WallTimeFit,
} from './zone';

/** A time a change is scheduled for: the instant it runs, and the wall time and zone it was given in. */
export interface ScheduleTime {
  /** Milliseconds since the epoch. */
  instant: number;
  /** As the editor gave it (`2026-12-05T09:00`), or the instant's wall time in the zone. */
  wallTime: string;
  timeZone: string;
  fit: WallTimeFit;
}

export type ParsedTime =
  | { kind: 'wall'; wall: WallTime }
  | { kind: 'instant'; instant: number }
  | { kind: 'problem'; message: string };

const DAY = 24 * 60 * 60 * 1000;
const FORMAT_PROBLEM =
  'must be a wall time such as 2026-12-05T09:00 (read in timeZone) or an instant with an offset such as 2026-12-05T08:00:00Z';

// Anchored, each part a fixed number of digits: nothing to backtrack over.
const TIME_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?$/;

const daysInMonth = (year: number, month: number) =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * `2026-12-05T09:00` (seconds optional): a wall time, read in the schedule's
 * zone. With `Z` or an offset (`2026-12-05T09:00:00+01:00`): an instant.
 */
export const parseScheduleTime = (text: string): ParsedTime => {
  const match = TIME_PATTERN.exec(text);
  if (!match) return { kind: 'problem', message: FORMAT_PROBLEM };
  const [year, month, day, hour, minute, second = 0] = match
    .slice(1, 7)
    .map((part) => Number(part ?? 0));
  const fraction = match[7] ? Number(`0.${match[7]}`) : 0;
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return { kind: 'problem', message: `is not a time of the calendar (${text})` };
  }
  const wall = { year, month, day, hour, minute, second };
  const offset = match[8];
  if (!offset) return { kind: 'wall', wall };
  let offsetMinutes = 0;
  if (offset !== 'Z') {
    const hours = Number(offset.slice(1, 3));
    const minutes = Number(offset.slice(4, 6));
    if (hours > 23 || minutes > 59)
      return { kind: 'problem', message: `has an offset that is not one (${offset})` };
    offsetMinutes = (offset.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
  }
  const instant =
    Date.UTC(year, month - 1, day, hour, minute, second) +
    Math.floor(fraction * 1000) -
    offsetMinutes * 60_000;
  return { kind: 'instant', instant };
};

export interface TimeProblem {
  path: string;
  message: string;
}

/**
 * The time `text` names in `zone` (a wall time needs one; an instant is
 * shown in it, UTC when none is given), or what is wrong with it: a time
 * in the past or further ahead than SCHEDULE_MAX_DAYS_AHEAD is refused.
 */
export const resolveScheduleTime = (
  field: string,
  text: string,
  zone: string | undefined,
  now: number
): ScheduleTime | TimeProblem[] => {
  const parsed = parseScheduleTime(text);
  if (parsed.kind === 'problem') return [{ path: field, message: parsed.message }];
  const timeZone =
    zone === undefined ? (parsed.kind === 'instant' ? 'UTC' : null) : knownTimeZone(zone);
  if (timeZone === null) {
    return [
      zone === undefined
        ? {
            path: 'timeZone',
            message: `is required to read ${field} as a wall time (e.g. Europe/Berlin)`,
          }
        : {
            path: 'timeZone',
            message: `must be an IANA time zone such as Europe/Berlin, not "${zone}"`,
          },
    ];
  }
  const { instant, fit } =
    parsed.kind === 'wall'
      ? instantOf(parsed.wall, timeZone)
      : { instant: parsed.instant, fit: 'exact' as const };
  // A wall time is kept as written; an instant is shown as the zone's clocks read it.
  const wallTime = parsed.kind === 'wall' ? text : formatWallTime(wallTimeAt(instant, timeZone));
  if (instant <= now) {
    return [
      {
        path: field,
        message: `must be in the future: ${wallTime} in ${timeZone} was ${new Date(instant).toISOString()}, before now (${new Date(now).toISOString()})`,
      },
    ];
  }
  if (instant > now + SCHEDULE_MAX_DAYS_AHEAD * DAY) {
    return [{ path: field, message: `must be at most ${SCHEDULE_MAX_DAYS_AHEAD} days ahead` }];
  }
  return { instant, wallTime, timeZone, fit };
};

/** Narrows a resolved time from its problems. */
export const isTimeProblem = (value: ScheduleTime | TimeProblem[]): value is TimeProblem[] =>
  Array.isArray(value);
