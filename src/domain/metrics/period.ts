/**
 * A dashboard period as the days it spans (inclusive), from today's ISO day. "All time" has no start.
 * An unknown period is an error naming it and the periods there are.
 */
import { PERIODS, type Period } from '../../shared/dashboard';
import { isOneOf, statusMessages } from '../../shared/statuses';
import { addDays, addMonths, quarterBounds } from '../dates';

export interface PeriodRange {
  period: Period;
  /** First day, or null for All time. */
  from: string | null;
  /** Last day. */
  to: string;
}

/** All time ends with the last day there is: a deal entered with a future close day counts too. */
export const ALL_TIME_END = '9999-12-31';

export const periodMessages = {
  unknown: (value: string) => statusMessages.notOneOf('Period', value, PERIODS),
} as const;

export type PeriodReading = { ok: true; range: PeriodRange } | { ok: false; problem: string };

/** The range of `value` (a period's name, whatever its case) on `today`. */
export function periodRange(value: unknown, today: string): PeriodReading {
  const typed = typeof value === 'string' ? value.trim() : String(value ?? '');
  const period = PERIODS.find((p) => p.toLowerCase() === typed.toLowerCase());
  if (!period || !isOneOf(PERIODS, period)) return { ok: false, problem: periodMessages.unknown(typed) };
  return { ok: true, range: rangeOf(period, today) };
}

function rangeOf(period: Period, today: string): PeriodRange {
  switch (period) {
    case 'This quarter': {
      const { start, end } = quarterBounds(today);
      return { period, from: start, to: end };
    }
    case 'Last quarter': {
      const { start, end } = quarterBounds(addMonths(quarterBounds(today).start, -3));
      return { period, from: start, to: end };
    }
    case 'Year to date':
      return { period, from: `${today.slice(0, 4)}-01-01`, to: today };
    case 'Trailing 12 months':
      return { period, from: addDays(addMonths(today, -12), 1), to: today };
    case 'All time':
      return { period, from: null, to: ALL_TIME_END };
  }
}

/** Whether ISO day `day` lies in the range ('' never does). */
export function inRange(day: string, range: { from: string | null; to: string }): boolean {
  return day !== '' && (range.from === null || day >= range.from) && day <= range.to;
}

/** The 12 months ending with today's ("2025-04" .. "2026-03"). */
export function lastTwelveMonths(today: string): string[] {
  const first = `${today.slice(0, 7)}-01`;
  return Array.from({ length: 12 }, (_, i) => addMonths(first, i - 11).slice(0, 7));
}
