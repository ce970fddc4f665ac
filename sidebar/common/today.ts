/**
 * What the document decides for a page's fields, as getFormOptions tells it: its today (the
 * spreadsheet's calendar day, never the browser's clock: a person in another time zone, or the
 * playground's simulated clock, would see another day) and how its locale writes a decimal (an
 * amount is typed as the sheet shows it). Until known: the browser's day, a decimal point.
 */
import type { FormOptions } from '../../src/shared/api';
import { localIsoDay } from './values';

let known: string | null = null;
let decimal: '.' | ',' = '.';

export function rememberToday(options: Pick<FormOptions, 'today' | 'decimalSeparator'> | undefined): void {
  if (options?.today) known = options.today;
  if (options?.decimalSeparator) decimal = options.decimalSeparator;
}

export function documentToday(): string {
  return known ?? localIsoDay(new Date());
}

export function documentDecimal(): '.' | ',' {
  return decimal;
}
