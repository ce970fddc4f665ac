/**
 * The document's today for date fields: the spreadsheet's calendar day as the server knows it
 * (getFormOptions), never the browser's clock (a person in another time zone, or the playground's
 * simulated clock, would see another day). Until it is known, the browser's day.
 */
import type { FormOptions } from '../../src/shared/api';
import { localIsoDay } from './values';

let known: string | null = null;

export function rememberToday(options: Pick<FormOptions, 'today'> | undefined): void {
  if (options?.today) known = options.today;
}

export function documentToday(): string {
  return known ?? localIsoDay(new Date());
}
