/**
 * Converting an amount between currencies with dated exchange rates, exactly.
 *
 * A rate is kept against the program's reporting currency: `{date, currency, rate}` says that on and
 * after `date` one unit of `currency` is worth `rate` units of the reporting currency (until a later
 * row of the same currency). An amount is converted at the latest rate on or before the day `on`.
 * The arithmetic is on integers (BigInt): amountMinor x rate(from) x 10^exp(to) over
 * rate(to) x 10^exp(from), rounded half-to-even ONCE. No floating point step anywhere.
 *
 * The reporting currency has no rows (its rate is 1). Pass it as `reporting` when you know it (the
 * tracker always does); without it, a currency that has no row at all in `rates` is taken as the
 * reporting currency when it is the other side of a conversion whose first side has rows.
 */
import { currencyExponent } from './currencies';
import { readDecimal } from './decimal';
import { divideHalfEven } from './round';

export interface ExchangeRate {
  /** ISO day "2026-03-02": the rate holds from this day on. */
  readonly date: string;
  /** ISO 4217 code of the currency the rate prices. */
  readonly currency: string;
  /** Decimal text: units of the reporting currency per 1 unit of `currency`. */
  readonly rate: string;
}

/** An exact amount of minor units: numerator / denominator (denominator > 0). */
export interface ExactMinor {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

export type Conversion =
  | {
      readonly ok: true;
      /** The converted amount rounded half-to-even to whole minor units. */
      readonly amountMinor: number;
      readonly rate: string;
      readonly rateDate: string;
    }
  | { readonly ok: false; readonly reason: string };

/** A conversion with the converted amount before rounding: what a commission on it is computed from. */
export type ExactConversion =
  (Extract<Conversion, { ok: true }> & { readonly exact: ExactMinor }) | Extract<Conversion, { ok: false }>;

/** At most this many decimals in a rate: plenty for published rates (ECB gives 4-6, banks up to 10). */
export const EXCHANGE_RATE_DECIMALS = 12;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

interface ParsedRate {
  readonly date: string;
  readonly text: string;
  /** rate = numerator / 10^scale */
  readonly numerator: bigint;
  readonly scale: number;
}

/** A rate's text as an exact fraction, or a reason it is not a rate. */
export function parseExchangeRate(text: string): { numerator: bigint; scale: number } | string {
  const shown = String(text).trim();
  const digits = readDecimal(shown);
  if (digits === null || shown.includes(',')) return `Rate '${shown}' is not a number (write 1.0845)`;
  if (digits.negative) return `Rate '${shown}' must be more than 0`;
  if (digits.fraction.length > EXCHANGE_RATE_DECIMALS) {
    return `Rate '${shown}' has more than ${EXCHANGE_RATE_DECIMALS} decimals`;
  }
  const numerator = BigInt(digits.whole + digits.fraction);
  if (numerator === 0n) return `Rate '${shown}' must be more than 0`;
  return { numerator, scale: digits.fraction.length };
}

/** The rates of each currency sorted by day, built once per rates array. */
const INDEX = new WeakMap<readonly ExchangeRate[], Map<string, ParsedRate[]>>();

function indexOf(rates: readonly ExchangeRate[]): Map<string, ParsedRate[]> {
  const cached = INDEX.get(rates);
  if (cached) return cached;
  const byCurrency = new Map<string, ParsedRate[]>();
  for (const row of rates) {
    const parsed = parseExchangeRate(row.rate);
    if (typeof parsed === 'string' || !ISO_DAY.test(row.date)) continue;
    const list = byCurrency.get(row.currency) ?? [];
    list.push({ date: row.date, text: String(row.rate).trim(), ...parsed });
    byCurrency.set(row.currency, list);
  }
  // Stable sort: of two rows of the same day, the later one in the table wins.
  for (const list of byCurrency.values())
    list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  INDEX.set(rates, byCurrency);
  return byCurrency;
}

/** The latest row on or before `on` (binary search), or undefined. */
function rateOn(list: readonly ParsedRate[] | undefined, on: string): ParsedRate | undefined {
  if (!list) return undefined;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].date <= on) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? undefined : list[lo - 1];
}

const ONE: ParsedRate = { date: '', text: '1', numerator: 1n, scale: 0 };

/**
 * convertMinor(10_000, 'EUR', 'USD', '2026-03-02', [{date: '2026-03-01', currency: 'EUR', rate:
 * '1.0845'}], 'USD') -> {ok: true, amountMinor: 10_845, rate: '1.0845', rateDate: '2026-03-01'}:
 * 100.00 EUR is 108.45 USD.
 */
export function convertMinor(...args: Parameters<typeof convertExact>): Conversion {
  const result = convertExact(...args);
  if (!result.ok) return result;
  return { ok: true, amountMinor: result.amountMinor, rate: result.rate, rateDate: result.rateDate };
}

/**
 * convertMinor, with the exact converted amount as well (`exact`: numerator / denominator minor
 * units): a rate applied to it rounds once (money/rate.ts applyRatesExact), never a rounded value
 * rounded again.
 */
export function convertExact(
  amountMinor: number,
  from: string,
  to: string,
  on: string,
  rates: readonly ExchangeRate[],
  reporting?: string,
): ExactConversion {
  const fromExp = currencyExponent(from);
  const toExp = currencyExponent(to);
  if (fromExp === undefined) return { ok: false, reason: `Unknown currency '${from}'` };
  if (toExp === undefined) return { ok: false, reason: `Unknown currency '${to}'` };
  if (!Number.isSafeInteger(amountMinor))
    return { ok: false, reason: `${amountMinor} is not a whole number of minor units` };
  if (!ISO_DAY.test(on)) return { ok: false, reason: `'${on}' is not a day (YYYY-MM-DD)` };
  if (from === to) return { ok: true, amountMinor, exact: wholeMinor(amountMinor), rate: '1', rateDate: on };

  const index = indexOf(rates);
  const base =
    reporting ??
    (index.has(from) && !index.has(to) ? to : !index.has(from) && index.has(to) ? from : undefined);
  const side = (code: string): ParsedRate | string => {
    if (code === base) return ONE;
    const found = rateOn(index.get(code), on);
    if (found) return found;
    const reportingText = base ? ` to ${base}` : '';
    return index.has(code)
      ? `No ${code} exchange rate${reportingText} on or before ${on}`
      : `No ${code} exchange rate${reportingText}`;
  };
  const f = side(from);
  if (typeof f === 'string') return { ok: false, reason: f };
  const t = side(to);
  if (typeof t === 'string') return { ok: false, reason: t };

  // amount x (f.n / 10^f.s) / (t.n / 10^t.s) x 10^toExp / 10^fromExp
  const numerator = BigInt(amountMinor) * f.numerator * 10n ** BigInt(t.scale + toExp);
  const denominator = t.numerator * 10n ** BigInt(f.scale + fromExp);
  const result = divideHalfEven(numerator, denominator);
  if (result > BigInt(Number.MAX_SAFE_INTEGER) || result < -BigInt(Number.MAX_SAFE_INTEGER)) {
    return { ok: false, reason: `${from} ${amountMinor} converted to ${to} is too large` };
  }
  const rate = t === ONE ? f.text : f === ONE ? `1/${t.text}` : `${f.text}/${t.text}`;
  const rateDate = t === ONE ? f.date : f === ONE ? t.date : f.date > t.date ? f.date : t.date;
  return { ok: true, amountMinor: Number(result), exact: { numerator, denominator }, rate, rateDate };
}

/** A whole number of minor units as an exact amount. */
export function wholeMinor(minor: number): ExactMinor {
  return { numerator: BigInt(minor), denominator: 1n };
}
