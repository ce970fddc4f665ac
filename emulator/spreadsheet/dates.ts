/** Dates in a spreadsheet's time zone: wall-clock parts, spreadsheet serial numbers, instants. */

const formatters = new Map<string, Intl.DateTimeFormat>();

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
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

export function wallClock(date: Date, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(date)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const ms = ((date.getTime() % 1000) + 1000) % 1000;
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
    ms,
  };
}

/** The instant at which the wall clock in `timeZone` shows the given time. */
export function zonedInstant(c: WallClock, timeZone: string): Date {
  const asUtc = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second, c.ms);
  let guess = asUtc;
  for (let i = 0; i < 3; i++) {
    const w = wallClock(new Date(guess), timeZone);
    const shown = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms);
    const diff = shown - asUtc;
    if (diff === 0) break;
    guess -= diff;
  }
  return new Date(guess);
}

const EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

/** Spreadsheet serial number (days since 1899-12-30) of an instant, in the sheet's time zone. */
export function dateToSerial(date: Date, timeZone: string): number {
  const c = wallClock(date, timeZone);
  const local = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second, c.ms);
  return (local - EPOCH) / DAY;
}

export function serialToDate(serial: number, timeZone: string): Date {
  const local = new Date(EPOCH + Math.round(serial * DAY));
  return zonedInstant(
    {
      year: local.getUTCFullYear(),
      month: local.getUTCMonth() + 1,
      day: local.getUTCDate(),
      hour: local.getUTCHours(),
      minute: local.getUTCMinutes(),
      second: local.getUTCSeconds(),
      ms: local.getUTCMilliseconds(),
    },
    timeZone,
  );
}
