/** Pure helpers for form values: no DOM here, so they are tested under node. */

export type FormEntries = Iterable<readonly [string, unknown]>;

/**
 * The form's text values by name: trimmed, empty ones left out (an optional field left blank is
 * absent, not ""), files ignored. A repeated name keeps its last non-empty value.
 */
export function readEntries(entries: FormEntries): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of entries) {
    if (typeof value !== 'string') continue;
    const text = value.trim();
    if (text) out[name] = text;
  }
  return out;
}

/** Every non-empty value of one name, in order (checkbox groups). */
export function readAll(entries: FormEntries, name: string): string[] {
  const out: string[] = [];
  for (const [key, value] of entries) {
    if (key === name && typeof value === 'string' && value.trim()) out.push(value.trim());
  }
  return out;
}

/** Keeps only the listed keys, in that order. */
export function pick<T extends string>(
  values: Record<string, string>,
  keys: readonly T[],
): Partial<Record<T, string>> {
  const out: Partial<Record<T, string>> = {};
  for (const key of keys) if (values[key] !== undefined) out[key] = values[key];
  return out;
}

/** Today's date as yyyy-mm-dd in the person's time zone (what an input type=date shows). */
export function localIsoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** An amount in major units for display: grouped, with the currency code ("12,000.00 USD"). */
export function formatAmount(amount: number | string | null | undefined, currency: string): string {
  if (amount === null || amount === undefined || amount === '') return '';
  const text = typeof amount === 'number' ? String(amount) : amount.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return `${text} ${currency}`.trim();
  const digits = currencyDigits(currency);
  const format = new Intl.NumberFormat('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  // A decimal string is formatted exactly (Intl.NumberFormat v3); no float arithmetic on the amount.
  return `${format.format(text as unknown as number)} ${currency}`.trim();
}

/** The currency's minor-unit digits (ISO 4217 via Intl; 2 for an unknown code). */
export function currencyDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

/** A decimal (number or string, major units) as an exact scaled integer: 12.5 at scale 6 -> 12500000n. */
export function toScaled(amount: number | string, scale = 6): bigint | null {
  const text = typeof amount === 'number' ? String(amount) : amount.trim();
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match || (!match[2] && !match[3]) || (match[3] ?? '').length > scale) return null;
  const digits = BigInt(`${match[2] || '0'}${(match[3] ?? '').padEnd(scale, '0')}`);
  return match[1] === '-' ? -digits : digits;
}

/** A scaled integer back to a decimal string without trailing zeros (12500000n, 6 -> "12.5"). */
export function fromScaled(value: bigint, scale = 6): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Exact totals per currency for display ("1,200.00 USD · 5,000 JPY"). */
export function totalsByCurrency(
  lines: ReadonlyArray<{ amount: number | string; currency: string }>,
): string {
  const totals = new Map<string, bigint>();
  for (const line of lines) {
    const scaled = toScaled(line.amount);
    if (scaled === null) continue;
    totals.set(line.currency, (totals.get(line.currency) ?? 0n) + scaled);
  }
  return [...totals.entries()].map(([currency, sum]) => formatAmount(fromScaled(sum), currency)).join(' · ');
}

/** An ISO instant shown as "2026-03-02 09:00 UTC"; a day or anything else is shown as given. */
export function formatInstant(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?Z$/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}

/** The day part of an ISO date or instant ("2026-03-02"). */
export function isoDay(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}/.exec(iso)?.[0] ?? iso;
}

/** Groups items by a key, keeping first-seen order of the keys. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
