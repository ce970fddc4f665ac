/** CSV import, as src/index.ts exposes it. */
export { previewImport, runImport } from './import-csv';
