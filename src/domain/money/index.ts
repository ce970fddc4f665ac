/** The money core: exact integer minor units, currencies as data, one half-to-even rounding per line. */
export { CURRENCIES, currencyExponent, currencyOf, isKnownCurrency, type Currency } from './currencies';
export { readDecimal, type DecimalDigits } from './decimal';
export { MoneyError, moneyMessages } from './messages';
export { assertMinor, toMinor, type ToMinorOptions } from './parse';
export { toDecimalText, toMajor } from './to-major';
export { formatAmount, formatMoney } from './format';
export { divideHalfEven } from './round';
export {
  RATE_DECIMALS,
  applyRate,
  applyRates,
  applyRatesExact,
  formatRate,
  parseRate,
  type RatedPart,
} from './rate';
export { add, compare, subtract, sum, sumMinor, type Money } from './arithmetic';
export { allocate, distribute } from './allocate';
export {
  EXCHANGE_RATE_DECIMALS,
  convertExact,
  convertMinor,
  parseExchangeRate,
  wholeMinor,
  type Conversion,
  type ExactConversion,
  type ExactMinor,
  type ExchangeRate,
} from './exchange';
