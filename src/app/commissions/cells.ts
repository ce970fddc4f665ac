/**
 * Cell values of the money and date columns the commission and payout sheets hold: amounts are
 * major-unit numbers (exactly the decimal of the minor units), days are Date cells at midnight in
 * the spreadsheet's time zone, and number formats follow the currency's exponent.
 */
import { currencyExponent, isKnownCurrency, toMajor, toMinor } from '../../domain/money';
import { isIsoDay, isoDayOf } from '../../domain/dates';

const DAY_MS = 86_400_000;

/** "#,##0.00" for USD, "#,##0" for JPY, "#,##0.000" for KWD. */
export function moneyFormat(currency: string): string {
  const exponent = currencyExponent(currency) ?? 2;
  return exponent === 0 ? '#,##0' : `#,##0.${'0'.repeat(exponent)}`;
}

export function minorToCell(minor: number | null, currency: string): number | string {
  return minor === null ? '' : toMajor(minor, currency);
}

/** A money cell in minor units; null when empty; throws a MoneyError when it is not an amount. */
export function cellToMinor(value: unknown, currency: string): number | null {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value !== 'number' && typeof value !== 'string') return null;
  if (!isKnownCurrency(currency)) return null;
  return toMinor(value, currency, { allowNegative: true });
}

/** The ISO day and Date conversions of one execution, in the spreadsheet's time zone. */
export class Days {
  private readonly fmt: Intl.DateTimeFormat;

  constructor(readonly timeZone: string) {
    let fmt: Intl.DateTimeFormat;
    try {
      fmt = new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
      });
    } catch {
      fmt = new Intl.DateTimeFormat('en-CA', { timeZone: 'UTC', hourCycle: 'h23' });
    }
    this.fmt = fmt;
  }

  static of(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Days {
    return new Days(ss.getSpreadsheetTimeZone() || 'UTC');
  }

  private fields(ms: number): Record<string, number> {
    const out: Record<string, number> = {};
    for (const part of this.fmt.formatToParts(new Date(ms))) {
      if (part.type !== 'literal') out[part.type] = Number(part.value);
    }
    return out;
  }

  /** The spreadsheet's calendar day of an instant. */
  dayOf(date: Date): string {
    const f = this.fields(date.getTime());
    const pad = (n: number, w = 2) => String(n).padStart(w, '0');
    return `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}`;
  }

  /**
   * A Date cell's day: the nearest UTC midnight's day, so a day written as midnight UTC (the leads
   * feature) and one written or typed as midnight in the sheet's time zone read the same. A text
   * cell holding an ISO day as it is; '' otherwise.
   */
  cellToDay(value: unknown): string {
    if (Object.prototype.toString.call(value) === '[object Date]') {
      const ms = (value as Date).getTime();
      return Number.isNaN(ms) ? '' : isoDayOf(Math.round(ms / DAY_MS) * DAY_MS);
    }
    const text = String(value ?? '').trim();
    return isIsoDay(text.slice(0, 10)) ? text.slice(0, 10) : '';
  }

  /** Midnight of `day` in the spreadsheet's time zone, as the Date a cell is given ('' for ''). */
  dayToCell(day: string): Date | string {
    if (!isIsoDay(day)) return '';
    const [y, m, d] = day.split('-').map(Number);
    const guess = Date.UTC(y, m - 1, d);
    const f = this.fields(guess);
    const shown = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
    const offset = shown - guess;
    const at = guess - offset;
    const check = this.fields(at);
    const drift = Date.UTC(check.year, check.month - 1, check.day, check.hour, check.minute) - guess;
    return new Date(at - drift);
  }
}
