export { parseCsv, type CsvRecord, type CsvTable } from './parse';
export { suggestMapping, cleanMapping, headerKey, IMPORT_FIELDS } from './mapping';
export {
  planPartnerImport,
  planLeadImport,
  type ImportPlan,
  type ImportRow,
  type ImportRequest,
} from './preview';
export { importMessages } from './messages';
export { RATES_CSV_LABEL, readRatesCsv, ratesCsvMessages, type RateCsvRow } from './rates-csv';
