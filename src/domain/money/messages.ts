/** Every message the money core can raise, in one place: a person reads these, so each names the value. */
export class MoneyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MoneyError';
  }
}

export const moneyMessages = {
  unknownCurrency: (code: string) => `Unknown currency '${code}' (use an ISO 4217 code such as USD)`,
  notANumber: (value: string) => `Amount '${value}' is not a number (write 1234.50 or 1,234.50)`,
  tooManyDecimals: (value: string, code: string, exponent: number) =>
    `Amount '${value}' has more decimals than ${code} allows (${exponent})`,
  negative: (value: string) => `Amount '${value}' must not be negative`,
  tooLarge: (value: string) => `Amount '${value}' is too large`,
  notMinorUnits: (value: number) => `${value} is not a whole number of minor units`,
  rateNotANumber: (value: string) => `Rate '${value}' is not a number`,
  rateOutOfRange: (value: string) => `Rate '${value}' must be between 0 and 100`,
  rateTooPrecise: (value: string) => `Rate '${value}' has more than 4 decimals`,
  currencyMismatch: (a: string, b: string) => `Cannot combine ${a} and ${b} amounts`,
  badRatios: () => 'Allocation needs at least one positive whole-number ratio and no negative ones',
} as const;
