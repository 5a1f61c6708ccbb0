/**
 * Wall-clock times in the user's time zone (their profile's, as the API counts months in it), for
 * the fill-up form's `datetime-local` field and "this month". An unknown zone falls back to the
 * browser's.
 */

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let formatter = formatters.get(key);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions = {
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    };
    try {
      formatter = new Intl.DateTimeFormat('en-US', { ...options, timeZone });
    } catch {
      formatter = new Intl.DateTimeFormat('en-US', options);
    }
    formatters.set(key, formatter);
  }
  return formatter;
}

function wallClockOf(instantMs: number, timeZone: string | undefined): WallClock {
  const parts = formatterFor(timeZone).formatToParts(new Date(instantMs));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((each) => each.type === type)?.value ?? 0);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour') % 24,
    minute: part('minute'),
    second: part('second'),
  };
}

const utcOf = (clock: WallClock) =>
  Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);

/** How far the zone's clocks are ahead of UTC at an instant, in ms. */
function offsetAt(instantMs: number, timeZone: string | undefined): number {
  const wholeSecond = instantMs - (((instantMs % 1000) + 1000) % 1000);
  return utcOf(wallClockOf(wholeSecond, timeZone)) - wholeSecond;
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/** `YYYY-MM-DDTHH:mm`, an instant as the zone's clocks show it (a `datetime-local` field's value). */
export function wallTimeOf(instant: Date, timeZone: string | undefined): string {
  const clock = wallClockOf(instant.getTime(), timeZone);
  return `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}T${pad(clock.hour)}:${pad(clock.minute)}`;
}

/**
 * The instant a wall time names in the zone; undefined for text that is not one. A time the clocks
 * skip (a daylight-saving gap) is read with the offset from before the change, so it lands after the
 * gap; a time they show twice is the first of the two.
 */
export function instantOf(wallTime: string, timeZone: string | undefined): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(wallTime.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls "13-45 25:99" over into another date: such text names no wall time.
  if (wallTimeOf(new Date(asUtc), 'UTC') !== `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}`) {
    return undefined;
  }
  // A clock change is never within a day of another: the offsets a day either side are the two that
  // can apply. Both read back in an overlap (take the first); neither does in a gap (take the later,
  // which the offset from before the change gives).
  const oneDay = 86_400_000;
  const candidates = [asUtc - offsetAt(asUtc - oneDay, timeZone), asUtc - offsetAt(asUtc + oneDay, timeZone)];
  const readingBack = candidates.filter((candidate) => utcOf(wallClockOf(candidate, timeZone)) === asUtc);
  return new Date(readingBack.length > 0 ? Math.min(...readingBack) : Math.max(...candidates));
}

/** The first instant of the calendar month `instant` falls in, in the zone. */
export function startOfMonth(instant: Date, timeZone: string | undefined): Date {
  const clock = wallClockOf(instant.getTime(), timeZone);
  return instantOf(`${pad(clock.year, 4)}-${pad(clock.month)}-01T00:00`, timeZone) ?? instant;
}

/** The browser's own time zone, e.g. `Europe/Berlin`. */
export function browserTimeZone(): string | undefined {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}
