/**
 * Wall-clock fields of an instant in an IANA time zone, and back (Intl; unknown zones read as GMT,
 * as Java does). Shared by the spreadsheet (serial dates, display) and the services (formatDate,
 * clock triggers).
 */
export interface ZonedFields {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  weekday: number; // 0 = Sunday
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Java falls back to GMT for a zone id it does not know; so does this. */
export function validZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return timeZone;
  } catch {
    return 'GMT';
  }
}

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function zonedFields(ms: number, timeZone: string): ZonedFields {
  const parts: Record<string, string> = {};
  for (const part of formatter(validZone(timeZone)).formatToParts(new Date(ms)))
    parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    ms: ((ms % 1000) + 1000) % 1000,
    weekday: WEEKDAYS.indexOf(parts.weekday),
  };
}

/** Minutes east of UTC in `timeZone` at instant `ms`. */
export function offsetMinutes(ms: number, timeZone: string): number {
  const f = zonedFields(ms, timeZone);
  const asUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  return Math.round((asUtc - (ms - (((ms % 1000) + 1000) % 1000))) / 60000);
}

/** The instant at which the wall clock of `timeZone` reads the given fields (day may overflow). */
export function zonedToUtc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
  second = 0,
  ms = 0,
): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  let guess = asUtc;
  for (let i = 0; i < 3; i++) {
    const w = zonedFields(guess, timeZone);
    const diff = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms) - asUtc;
    if (diff === 0) break;
    guess -= diff;
  }
  return guess;
}
