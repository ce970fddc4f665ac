/**
 * Cell values <-> API values. Dates stand in cells as Date objects (midnight UTC of the day) and cross
 * the API as ISO days; a date a person typed (midnight in the sheet's time zone) reads back as the
 * nearest UTC day. Amounts stand in cells as major-unit numbers, converted through exact integer
 * minor units; a cell that holds no valid amount reads as null.
 */
import { isoDayOf, isIsoDay } from '../../domain/dates';
import { toMajor, toMinor } from '../../domain/money';
import type { CellValue } from '../../sheets/table';

const DAY_MS = 86_400_000;

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** The ISO day a cell holds ('' when it holds none). */
export function dayOfCell(value: unknown): string {
  if (isDate(value)) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? '' : isoDayOf(Math.round(ms / DAY_MS) * DAY_MS);
  }
  const text = String(value ?? '').trim();
  if (isIsoDay(text)) return text;
  const head = text.slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}T/.test(text) && isIsoDay(head) ? head : '';
}

/** The Date a cell is given for an ISO day ('' for none). */
export function dateCell(day: string | undefined | null): CellValue {
  if (!day) return '';
  return new Date(`${day}T00:00:00.000Z`);
}

/** Today's ISO day at the context's instant. */
export function today(now: Date): string {
  return isoDayOf(now.getTime());
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

export function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (isDate(value)) return dayOfCell(value);
  return String(value);
}
