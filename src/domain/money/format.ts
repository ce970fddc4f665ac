/** Amounts as a person reads them: "12,000.00 USD" (grouped, all the currency's decimals). */
import { toDecimalText } from './to-major';

/** "12,000.00" (no code): for explanations that name the currency once. */
export function formatAmount(minor: number, currency: string): string {
  const text = toDecimalText(minor, currency);
  const negative = text.startsWith('-');
  const [whole, fraction] = text.replace('-', '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** "12,000.00 USD", "1,500 JPY", "-0.125 KWD". */
export function formatMoney(minor: number, currency: string): string {
  return `${formatAmount(minor, currency)} ${currency}`;
}
