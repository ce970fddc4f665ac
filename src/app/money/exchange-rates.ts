/**
 * saveExchangeRates(rows) and listExchangeRates(): the dated rates to Settings > Reporting Currency
 * kept in Settings' Rate Date / Rate Currency / Rate columns (the owner and the Team may also type
 * them there, or paste a CSV export into them). A row for a day and currency already there replaces
 * its rate; others are added. Every row is checked first: a bad one is named with its field and
 * nothing is written. Saving marks the ledger for the next full reconcile (AppContext.commit: a
 * commit that changes Settings), and rates are what the ledger is computed from: only the owner and
 * the Team may save them (the commit's Team check; the columns' protection; the edit guard).
 */
import { isIsoDay } from '../../domain/dates';
import { isKnownCurrency, parseExchangeRate } from '../../domain/money';
import type { ExchangeRateInput, ExchangeRates } from '../../shared/api';
import { DEFAULT_CURRENCY } from '../../shared/currencies';
import type { AppContext } from '../context';
import { fail } from '../user-error';

const text = (value: unknown) => String(value ?? '').trim();

export const exchangeRateMessages = {
  none: () => 'Exchange rates: give at least one row (Date, Currency, Rate)',
  date: (n: number, value: unknown) => `Date (rate ${n}): '${text(value)}' must be a day such as 2026-03-01`,
  currency: (n: number, value: unknown) =>
    `Currency (rate ${n}): '${text(value)}' is not an ISO 4217 code the tracker knows`,
  reporting: (n: number, code: string) =>
    `Currency (rate ${n}): ${code} is the Reporting Currency (its rate is always 1)`,
  rate: (n: number, reason: string) => `Rate (rate ${n}): ${reason}`,
} as const;

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

export function saveExchangeRates(ctx: AppContext, input: ExchangeRateInput[]): ExchangeRates {
  const rows = Array.isArray(input) ? input : [];
  if (rows.length === 0) fail([exchangeRateMessages.none()]);
  const table = ctx.table('settings');
  const reporting = reportingOf(ctx);
  const problems: string[] = [];
  const wanted = rows.map((row, i) => {
    const n = i + 1;
    const date = text(row?.date).slice(0, 10);
    const currency = text(row?.currency).toUpperCase();
    const rate = typeof row?.rate === 'number' ? String(row.rate) : text(row?.rate);
    if (!isIsoDay(date)) problems.push(exchangeRateMessages.date(n, row?.date));
    if (!isKnownCurrency(currency)) problems.push(exchangeRateMessages.currency(n, row?.currency));
    else if (currency === reporting) problems.push(exchangeRateMessages.reporting(n, currency));
    const parsed = parseExchangeRate(rate);
    if (typeof parsed === 'string') problems.push(exchangeRateMessages.rate(n, parsed));
    return { date, currency, rate };
  });
  if (problems.length) fail(problems);

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
