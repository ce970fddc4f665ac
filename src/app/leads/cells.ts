/**
 * Cell values <-> API values. Dates stand in cells as Date objects (midnight of the day in the
 * spreadsheet's time zone, through the one helper `Days` of sheets/days.ts) and cross the API as ISO
 * days. Amounts stand in cells as major-unit numbers, converted through exact integer
 * minor units; a cell that holds no valid amount reads as null.
 */
import { toMajor, toMinor } from '../../domain/money';
import type { Days } from '../../sheets/days';
import type { CellValue } from '../../sheets/table';
import { isDate } from '../../domain/dates';

/** The ISO day a cell holds, in the spreadsheet's time zone ('' when it holds none). */
export function dayOfCell(value: unknown, days: Days): string {
  return days.cellToDay(value);
}

/** The Date a cell is given for an ISO day: its midnight in the spreadsheet's time zone ('' for none). */
export function dateCell(day: string | undefined | null, days: Days): CellValue {
  return days.dayToCell(day);
}

/** Today's ISO day in the spreadsheet's time zone at the context's instant. */
export function today(now: Date, days: Days): string {
  return days.dayOf(now);
}

/** Integer minor units of a cell's amount, or null when it holds none (or not a valid one). */
export function minorOfCell(value: unknown, currency: string): number | null {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value !== 'number' && typeof value !== 'string') return null;
  try {
    return toMinor(value, currency, { allowNegative: false });
  } catch {
    return null;
  }
}

/** A cell's amount in major units for the API (null when none). */
export function majorOfCell(value: unknown, currency: string): number | null {
  const minor = minorOfCell(value, currency);
  return minor === null ? null : toMajor(minor, currency);
}

/** What a cell is given for an amount in major units (validated before): the exact major-unit number. */
export function amountCell(value: number | string | undefined, currency: string): CellValue {
  if (value === undefined || value === '') return '';
  return toMajor(toMinor(value, currency), currency);
}

/** A cell as text (a Date in a text column, which the tracker never writes, as its ISO instant). */
export function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (isDate(value)) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  return String(value);
}
