export { importExchangeRates, listExchangeRates, saveExchangeRates } from './exchange-rates';
