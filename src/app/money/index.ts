export { listExchangeRates, saveExchangeRates } from './exchange-rates';
