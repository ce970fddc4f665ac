/**
 * Every validation message, in one place. Each names the field (by its column header) and the
 * value, and says what is wrong, so a person can fix it without asking.
 */
export function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  return `'${text.length > 60 ? `${text.slice(0, 57)}...` : text}'`;
}

export const messages = {
  required: (label: string) => `${label} is required`,
  notText: (label: string, value: unknown) => `${label} ${quote(value)} is not text`,
  tooLong: (label: string, max: number, length: number) =>
    `${label} is too long: ${length.toLocaleString('en-US')} characters, at most ${max.toLocaleString('en-US')}`,
  notEmail: (label: string, value: string) => `${label} ${quote(value)} is not an email address`,
  notDomain: (label: string, value: string) =>
    `${label} ${quote(value)} is not a domain name (like acme.com)`,
  notOneOf: (label: string, value: string, allowed: readonly string[]) =>
    `${label} ${quote(value)} is not one of: ${allowed.join(', ')}`,
  notIsoDay: (label: string, value: string) => `${label} ${quote(value)} is not a date (YYYY-MM-DD)`,
  notNumber: (label: string, value: unknown) =>
    `${label} ${quote(value)} is not a number (use digits and a dot: 1234.56)`,
  negative: (label: string, value: unknown) => `${label} ${quote(value)} must be 0 or more`,
  notWhole: (label: string, value: unknown) => `${label} ${quote(value)} is not a whole number`,
  tooLarge: (label: string, value: unknown, max: string) =>
    `${label} ${quote(value)} is too large (at most ${max})`,
  tooManyDecimals: (label: string, value: unknown, currency: string, exponent: number) =>
    exponent === 0
      ? `${label} ${quote(value)} has decimals, which ${currency} does not allow`
      : `${label} ${quote(value)} has more decimals than ${currency} allows (${exponent})`,
  notCurrencyCode: (label: string, value: string) =>
    `${label} ${quote(value)} is not a currency code (like USD)`,
  notId: (label: string, value: string, example: string) =>
    `${label} ${quote(value)} is not an id like ${example}`,
  unknownPartner: (label: string, value: string) =>
    `${label} ${quote(value)} is not a partner in this tracker`,
  requiredFor: (label: string, purpose: string) => `${label} is required ${purpose}`,
  notObject: () => 'Nothing was sent: expected the form fields',
  notVisible: (label: string, value: string) => `${label} ${quote(value)} has no visible letter or digit`,
  controlChars: (label: string) => `${label} holds a tab, line break or other control character`,
  implausibleDay: (label: string, value: string, from: string, to: string) =>
    `${label} ${quote(value)} is not between ${from} and ${to}`,
  notList: (label: string) => `${label} must be a list`,
  tooMany: (label: string, max: number, count: number) =>
    `${label} has ${count.toLocaleString('en-US')} items, at most ${max.toLocaleString('en-US')}`,
} as const;
