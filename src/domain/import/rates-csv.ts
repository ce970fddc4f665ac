/**
 * A CSV file of exchange rates (a header row with Date, Currency and Rate, or Settings' own Rate
 * Date, Rate Currency, Rate; other columns ignored) read into rows, each with its file line, or the
 * problems that stop it: a missing column, an unreadable line, no rows, the same day and currency
 * twice. What a row's values must be is checked as saveExchangeRates checks its rows (app/money).
 */
import { parseCsv } from './parse';
import { RATES_CSV_LABEL } from '../../shared/import-fields';

/** Each message starts with the file field's label: the sidebar shows it under that field. */
export { RATES_CSV_LABEL };

export interface RateCsvRow {
  readonly line: number;
  readonly date: string;
  readonly currency: string;
  readonly rate: string;
}

export const ratesCsvMessages = {
  noColumn: (column: string) =>
    `${RATES_CSV_LABEL}: no ${column} column (the header row needs Date, Currency and Rate)`,
  noRows: () => `${RATES_CSV_LABEL}: the file has no rates under its header row`,
  unreadable: (line: number, problem: string) => `${RATES_CSV_LABEL} line ${line}: ${problem}`,
  repeated: (line: number, first: number, currency: string, date: string) =>
    `${RATES_CSV_LABEL} line ${line}: ${currency} on ${date} is already on line ${first}`,
} as const;

const COLUMNS = {
  date: ['date', 'rate date'],
  currency: ['currency', 'rate currency'],
  rate: ['rate'],
} as const;

const NAMES = { date: 'Date', currency: 'Currency', rate: 'Rate' } as const;

const normal = (header: string) => header.trim().toLowerCase().replace(/\s+/g, ' ');

/** The rows that could be read, and every problem of the file (none: the rows are the whole file). */
export function readRatesCsv(csv: string): { rows: RateCsvRow[]; errors: string[] } {
  const table = parseCsv(csv);
  const headers = table.headers.map(normal);
  const errors: string[] = [];
  const at = {} as Record<keyof typeof COLUMNS, number>;
  for (const key of Object.keys(COLUMNS) as Array<keyof typeof COLUMNS>) {
    at[key] = headers.findIndex((h) => (COLUMNS[key] as readonly string[]).includes(h));
    if (at[key] < 0) errors.push(ratesCsvMessages.noColumn(NAMES[key]));
  }
  if (errors.length) return { rows: [], errors };
  if (table.records.length === 0) return { rows: [], errors: [ratesCsvMessages.noRows()] };
  const rows: RateCsvRow[] = [];
  const seen = new Map<string, number>();
  for (const record of table.records) {
    if (record.errors.length) {
      errors.push(...record.errors.map((problem) => ratesCsvMessages.unreadable(record.line, problem)));
      continue;
    }
    const cell = (key: keyof typeof COLUMNS) => (record.values[at[key]] ?? '').trim();
    const row = {
      line: record.line,
      date: cell('date'),
      currency: cell('currency').toUpperCase(),
      rate: cell('rate'),
    };
    const key = `${row.date} ${row.currency}`;
    const first = seen.get(key);
    if (first !== undefined) errors.push(ratesCsvMessages.repeated(row.line, first, row.currency, row.date));
    else seen.set(key, row.line);
    rows.push(row);
  }
  return { rows, errors };
}
