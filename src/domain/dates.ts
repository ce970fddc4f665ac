/**
 * ISO day arithmetic ("2026-03-02"), in UTC so no time zone or daylight-saving shift moves a day.
 * Every function throws on a string that is not a calendar day: callers validate input first.
 */
import { daysInMonth, isIsoDay } from '../shared/schema/isoDay';

export { isIsoDay };

/**
 * True for a Date, also one made in another realm (a cell value the spreadsheet service returned),
 * where instanceof fails. Strings and numbers, most cells, are rejected by typeof first (cheap).
 */
export function isDate(value: unknown): value is Date {
  return (
    typeof value === 'object' && value !== null && Object.prototype.toString.call(value) === '[object Date]'
  );
}

const DAY_MS = 86_400_000;

function parts(day: string): [number, number, number] {
  if (!isIsoDay(day)) throw new Error(`'${day}' is not an ISO day (YYYY-MM-DD)`);
  return [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))];
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function fromParts(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * Day text <-> day number, remembered: a reconcile converts the same few thousand days hundreds of
 * thousands of times. Bounded, so a long execution cannot grow them without end.
 */
const CACHE_LIMIT = 100_000;
const dayNumbers = new Map<string, number>();
const dayTexts = new Map<number, string>();

/** Days since 1970-01-01. */
export function dayNumber(day: string): number {
  let n = dayNumbers.get(day);
  if (n === undefined) {
    const [y, m, d] = parts(day);
    n = Date.UTC(y, m - 1, d) / DAY_MS;
    if (dayNumbers.size < CACHE_LIMIT) dayNumbers.set(day, n);
  }
  return n;
}

export function fromDayNumber(n: number): string {
  let text = dayTexts.get(n);
  if (text === undefined) {
    const date = new Date(n * DAY_MS);
    text = fromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
    if (dayTexts.size < CACHE_LIMIT) dayTexts.set(n, text);
  }
  return text;
}

/** The UTC day of an epoch-millisecond instant. */
export function isoDayOf(epochMs: number): string {
  return fromDayNumber(Math.floor(epochMs / DAY_MS));
}

export function addDays(day: string, days: number): string {
  return fromDayNumber(dayNumber(day) + days);
}

/** Calendar months; the day is clamped to the month's last day (2026-01-31 + 1 month = 2026-02-28). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = parts(day);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return fromParts(year, month, Math.min(d, daysInMonth(year, month)));
}

/** Negative when a is before b, 0 when equal, positive after. */
export function compareDays(a: string, b: string): number {
  return dayNumber(a) - dayNumber(b);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function quarterOf(day: string): { year: number; quarter: 1 | 2 | 3 | 4 } {
  const [y, m] = parts(day);
  return { year: y, quarter: (Math.floor((m - 1) / 3) + 1) as 1 | 2 | 3 | 4 };
}

/** "Q1 2026". */
export function quarterLabel(day: string): string {
  const { year, quarter } = quarterOf(day);
  return `Q${quarter} ${year}`;
}

/** First and last day of the quarter holding `day`. */
export function quarterBounds(day: string): { start: string; end: string } {
  const { year, quarter } = quarterOf(day);
  const start = fromParts(year, (quarter - 1) * 3 + 1, 1);
  return { start, end: addDays(addMonths(start, 3), -1) };
}
