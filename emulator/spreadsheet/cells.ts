/** Cell values: what a cell holds, how typed text is parsed, how a value is displayed. */
import { numfmt } from './numfmt';
import { dateToSerial, serialToDate } from './dates';

export type CellValue = number | boolean | string | Date;

/** A Date from any realm (the bundle's vm context has its own Date). */
export function isDate(value: unknown): value is Date {
  return value instanceof Date || Object.prototype.toString.call(value) === '[object Date]';
}

/** What a piece of input becomes: a formula, a value (with the format typing implies), or empty. */
export type ParsedInput =
  | { kind: 'formula'; formula: string }
  | { kind: 'value'; value: CellValue; format?: string }
  | { kind: 'empty' };

export const DEFAULT_DATE_TIME_FORMAT = 'M/d/yyyy H:mm:ss';
export const DEFAULT_DATE_FORMAT = 'M/d/yyyy';
export const PLAIN_TEXT_FORMAT = '@';

/** Sheets locale ids use an underscore (en_US); BCP 47 uses a hyphen. */
export function bcp47(locale: string): string {
  return locale.replace('_', '-');
}

/**
 * Parses text the way Sheets parses a person's typing: "=..." a formula, "'..." literal text,
 * numbers with the locale's separators, TRUE/FALSE, dates (midnight in the spreadsheet's time zone)
 * and percentages. Anything else stays text.
 */
export function parseTyped(text: string, locale: string, timeZone: string): ParsedInput {
  if (text === '') return { kind: 'empty' };
  if (text.startsWith('=') && text.length > 1) return { kind: 'formula', formula: text };
  if (text.startsWith("'")) return { kind: 'value', value: text.slice(1) };
  const parsed = numfmt.parseValue(text.trim(), { locale: bcp47(locale) });
  if (!parsed) return { kind: 'value', value: text };
  if (typeof parsed.value === 'boolean') return { kind: 'value', value: parsed.value };
  const id = parsed.formatId;
  const format = id === undefined ? undefined : numfmt.getFormatFromId(id, bcp47(locale));
  if (format && numfmt.isDateFormat(format)) {
    const dateOnly = Number.isInteger(parsed.value);
    return {
      kind: 'value',
      value: serialToDate(parsed.value, timeZone),
      format: dateOnly ? DEFAULT_DATE_FORMAT : DEFAULT_DATE_TIME_FORMAT,
    };
  }
  if (format && numfmt.isPercentFormat(format)) {
    return { kind: 'value', value: parsed.value, format };
  }
  return { kind: 'value', value: parsed.value };
}

/**
 * What a value written by a script becomes. Strings go through the same parser as typing unless
 * the cell is formatted as plain text ("@"), where they stay as given (formulas included, as in
 * Sheets). Numbers, booleans and Dates are stored as they are; null and undefined clear the cell.
 */
export function fromScript(
  value: unknown,
  cellFormat: string | undefined,
  locale: string,
  timeZone: string,
): ParsedInput {
  if (value === null || value === undefined || value === '') return { kind: 'empty' };
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { kind: 'value', value } : { kind: 'value', value: '#NUM!' };
  }
  if (typeof value === 'boolean') return { kind: 'value', value };
  if (isDate(value)) return { kind: 'value', value: new Date(value.getTime()) };
  const text = String(value);
  if (cellFormat === PLAIN_TEXT_FORMAT) return { kind: 'value', value: text };
  return parseTyped(text, locale, timeZone);
}

/** A value as getValues returns it: a fresh Date, "" for empty. */
export function readValue(value: CellValue | undefined): CellValue {
  if (value === undefined) return '';
  if (value instanceof Date) return new Date(value.getTime());
  return value;
}

/** getDisplayValue: the value formatted by the cell's number format, locale and time zone. */
export function displayValue(
  value: CellValue | undefined,
  format: string | undefined,
  locale: string,
  timeZone: string,
): string {
  if (value === undefined || value === '') return '';
  const loc = bcp47(locale);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const general = !format || format === 'General' || format === PLAIN_TEXT_FORMAT;
  if (value instanceof Date) {
    const pattern = general ? DEFAULT_DATE_TIME_FORMAT : format;
    return numfmt.format(pattern, dateToSerial(value, timeZone), { locale: loc });
  }
  if (general) {
    if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
    return numfmt.format('General', value, { locale: loc });
  }
  return numfmt.format(format, value, { locale: loc });
}

export function isDateFormat(format: string | undefined): boolean {
  return !!format && format !== 'General' && numfmt.isDateFormat(format);
}
