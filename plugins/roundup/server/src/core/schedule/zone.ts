/**
 * Wall times in IANA time zones, with nothing but `Intl`: the server's own
 * time zone never enters any of these computations.
 */

/** A time as a clock on the wall shows it, without a zone. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** How a wall time became an instant: as it reads, the earlier of two, or moved past a skipped hour. */
export type WallTimeFit = 'exact' | 'earlier-of-two' | 'after-gap';

const SECOND = 1000;
const DAY = 24 * 60 * 60 * SECOND;

const formatters = new Map<string, Intl.DateTimeFormat>();
const formatterFor = (zone: string) => {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
};

/**
 * The zone as given, its case corrected (`europe/berlin` → `Europe/Berlin`),
 * or null when `Intl` does not know it. Names are kept as the editor chose
 * them: ICU would turn `Asia/Kathmandu` into its older `Asia/Katmandu`.
 */
export const knownTimeZone = (zone: string): string | null => {
  // Offsets (`+01:00`) are not zones: they know nothing of daylight saving.
  if (zone.length === 0 || zone.length > 64 || zone.startsWith('+') || zone.startsWith('-'))
    return null;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  return resolved.toLowerCase() === zone.toLowerCase() ? resolved : zone;
};

/** What a clock in `zone` shows at `instant` (milliseconds since the epoch), to the second. */
export const wallTimeAt = (instant: number, zone: string): WallTime => {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
};

/** The wall time read as if it were UTC, in milliseconds: the arithmetic below compares these. */
const asUtc = (wall: WallTime) =>
  Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);

const wholeSecond = (instant: number) => instant - (((instant % SECOND) + SECOND) % SECOND);

/** How far `zone`'s clocks are ahead of UTC at `instant`, in milliseconds. */
export const offsetAt = (instant: number, zone: string): number =>
  asUtc(wallTimeAt(instant, zone)) - wholeSecond(instant);

/**
 * The instant a clock in `zone` shows `wall`. A wall time the clocks show
 * twice (the hour repeated when summer time ends) is the earlier of the two;
 * one they skip (the hour lost when it begins) becomes the first instant
 * after the gap, 03:00 for a 02:30 that never happens.
 */
export const instantOf = (wall: WallTime, zone: string): { instant: number; fit: WallTimeFit } => {
  const local = asUtc(wall);
  // No zone changes its offset twice within two days: the offsets a day either side are the only candidates.
  const before = offsetAt(local - DAY, zone);
  const after = offsetAt(local + DAY, zone);
  const shows = (instant: number) => asUtc(wallTimeAt(instant, zone)) === local;
  const candidates = [...new Set([before, after])]
    .map((offset) => local - offset)
    .filter(shows)
    .sort((a, b) => a - b);
  if (candidates.length > 0) {
    return { instant: candidates[0], fit: candidates.length > 1 ? 'earlier-of-two' : 'exact' };
  }
  // In the gap: the first second whose offset is the new one, found by halving.
  let low = wholeSecond(local - DAY - before);
  let high = wholeSecond(local + DAY - after);
  while (high - low > SECOND) {
    const middle = wholeSecond(low + (high - low) / 2);
    if (offsetAt(middle, zone) === before) low = middle;
    else high = middle;
  }
  return { instant: high, fit: 'after-gap' };
};

const two = (n: number) => String(n).padStart(2, '0');

/** `2026-12-05T09:00`, with `:ss` only when the seconds are not zero. */
export const formatWallTime = (wall: WallTime): string =>
  `${String(wall.year).padStart(4, '0')}-${two(wall.month)}-${two(wall.day)}T${two(wall.hour)}:${two(wall.minute)}${wall.second ? `:${two(wall.second)}` : ''}`;
