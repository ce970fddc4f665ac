/**
 * saveExchangeRates(rows) and listExchangeRates(): the dated rates to Settings > Reporting Currency
 * kept in Settings' Rate Date / Rate Currency / Rate columns (the owner and the Team may also type
 * them there, or paste a CSV export into them). A row for a day and currency already there replaces
 * its rate; others are added. Every row is checked first: a bad one is named with its field and
 * nothing is written. Saving marks the ledger for the next full reconcile (AppContext.commit: a
 * commit that changes Settings), and rates are what the ledger is computed from: only the owner and
 * the Team may save them (the commit's Team check; the columns' protection; the edit guard).
 * importExchangeRates(csv) does the same with the rows of a CSV file.
 */
import { isIsoDay } from '../../domain/dates';
import { isKnownCurrency, parseExchangeRate } from '../../domain/money';
import type { ExchangeRateInput, ExchangeRates } from '../../shared/api';
import { DEFAULT_CURRENCY } from '../../shared/currencies';
import type { AppContext } from '../context';
import { fail } from '../user-error';
import { RATES_CSV_LABEL, readRatesCsv } from '../../domain/import';

const text = (value: unknown) => String(value ?? '').trim();

/** Where a row's problem is: "Date (rate 2)" for saveExchangeRates, "Rates CSV line 3, Date" for a file. */
type Where = (field: 'Date' | 'Currency' | 'Rate') => string;

export const exchangeRateMessages = {
  none: () => 'Exchange rates: give at least one row (Date, Currency, Rate)',
  date: (where: Where, value: unknown) =>
    `${where('Date')}: '${text(value)}' must be a day such as 2026-03-01`,
  currency: (where: Where, value: unknown) =>
    `${where('Currency')}: '${text(value)}' is not an ISO 4217 code the tracker knows`,
  reporting: (where: Where, code: string) =>
    `${where('Currency')}: ${code} is the Reporting Currency (its rate is always 1)`,
  rate: (where: Where, reason: string) => `${where('Rate')}: ${reason}`,
} as const;

const inList =
  (n: number): Where =>
  (field) =>
    `${field} (rate ${n})`;
const inFile =
  (line: number): Where =>
  (field) =>
    `${RATES_CSV_LABEL} line ${line}, ${field}`;

function reportingOf(ctx: AppContext): string {
  const values = ctx.settings().values;
  return text(values.reportingCurrency).toUpperCase() || text(values.defaultCurrency) || DEFAULT_CURRENCY;
}

export function listExchangeRates(ctx: AppContext): ExchangeRates {
  const rates = [...ctx.settings().rates].sort((a, b) =>
    a.currency === b.currency
      ? a.date < b.date
        ? -1
        : a.date > b.date
          ? 1
          : 0
      : a.currency < b.currency
        ? -1
        : 1,
  );
  return { reportingCurrency: reportingOf(ctx), rates: rates.map((r) => ({ ...r })) };
}

interface RateRow {
  readonly date: string;
  readonly currency: string;
  readonly rate: string;
}

/** Each row checked (every problem, `where` naming the row and the field), then stored: nothing on error. */
function checkRows(
  ctx: AppContext,
  rows: ReadonlyArray<{ input: ExchangeRateInput; where: Where }>,
  earlier: string[] = [],
): RateRow[] {
  const reporting = reportingOf(ctx);
  const problems: string[] = [...earlier];
  const wanted = rows.map(({ input: row, where }) => {
    const date = text(row?.date).slice(0, 10);
    const currency = text(row?.currency).toUpperCase();
    const rate = typeof row?.rate === 'number' ? String(row.rate) : text(row?.rate);
    if (!isIsoDay(date)) problems.push(exchangeRateMessages.date(where, row?.date));
    if (!isKnownCurrency(currency)) problems.push(exchangeRateMessages.currency(where, row?.currency));
    else if (currency === reporting) problems.push(exchangeRateMessages.reporting(where, currency));
    const parsed = parseExchangeRate(rate);
    if (typeof parsed === 'string') problems.push(exchangeRateMessages.rate(where, parsed));
    return { date, currency, rate };
  });
  if (problems.length) fail(problems);
  return wanted;
}

export function saveExchangeRates(ctx: AppContext, input: ExchangeRateInput[]): ExchangeRates {
  const rows = Array.isArray(input) ? input : [];
  if (rows.length === 0) fail([exchangeRateMessages.none()]);
  return storeRates(
    ctx,
    checkRows(
      ctx,
      rows.map((row, i) => ({ input: row, where: inList(i + 1) })),
    ),
  );
}

/**
 * importExchangeRates(csv): the rates of a CSV file (Date, Currency, Rate), checked as
 * saveExchangeRates checks its rows, each problem naming the file's line and the field; any
 * problem and nothing is written. Then stored as saveExchangeRates stores them (one audited write).
 */
export function importExchangeRates(ctx: AppContext, csv: string): ExchangeRates {
  const file = readRatesCsv(typeof csv === 'string' ? csv : '');
  const rows = file.rows.map((row) => ({ input: row, where: inFile(row.line) }));
  return storeRates(ctx, checkRows(ctx, rows, file.errors));
}

function storeRates(ctx: AppContext, wanted: readonly RateRow[]): ExchangeRates {
  const table = ctx.table('settings');

  const days = ctx.doc.days();
  const existing = new Map<string, number>();
  const free: number[] = [];
  for (const { row, record } of table.rows()) {
    const currency = text(record.rateCurrency).toUpperCase();
    if (currency === '' && text(record.rateDate) === '' && text(record.rate) === '') free.push(row);
    else existing.set(`${days.cellToDay(record.rateDate)} ${currency}`, row);
  }
  for (const rate of wanted) {
    const cells = { rateDate: days.dayToCell(rate.date), rateCurrency: rate.currency, rate: rate.rate };
    const key = `${rate.date} ${rate.currency}`;
    const at = existing.get(key) ?? free.shift();
    if (at !== undefined) table.update(at, cells);
    else existing.set(key, table.append(cells));
    if (at !== undefined) existing.set(key, at);
  }
  ctx.commit();
  return listExchangeRates(ctx);
}
