/**
 * An audit value as the sheet shows it: the log keeps values as audit text (dates as ISO instants,
 * numbers as JavaScript prints them); History of this row shows them in the column's format
 * ("2026-03-02", "51,250.50"), the way the person saw them in the cell.
 */
import { readDecimal } from '../../domain/money';
import type { Days } from '../../sheets/days';
import type { FormatKind } from '../../sheets/schema-types';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function grouped(text: string, decimals: number): string {
  const digits = readDecimal(text);
  if (!digits) return text;
  const fraction =
    digits.fraction.length >= decimals ? digits.fraction : digits.fraction.padEnd(decimals, '0');
  const whole = digits.whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${digits.negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

export function shownValue(text: string, format: FormatKind | undefined, days: Days): string {
  if (text === '') return text;
  if (format === 'date' && INSTANT.test(text)) {
    const at = new Date(text);
    return Number.isNaN(at.getTime()) ? text : days.dayOf(at);
  }
  if (format === 'money' && /^-?\d+(\.\d+)?$/.test(text)) return grouped(text, 2);
  return text;
}
