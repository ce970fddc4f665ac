/** The emulated SpreadsheetApp and the test bed's functions over spreadsheets. */
export { createSpreadsheetApp, setActive, EmuSpreadsheetApp, type SpreadsheetAppOptions } from './app';
export { EmuSpreadsheet } from './spreadsheet';
export { EmuSheet } from './sheet';
export { EmuRange } from './range';
export { EmuNamedRange } from './named-range';
export { EmuProtection } from './protection';
export { EmuDataValidation, EmuDataValidationBuilder } from './validation';
export {
  EmuConditionalFormatRule,
  EmuConditionalFormatRuleBuilder,
  EmuBooleanCondition,
} from './conditional';
export { EmuDeveloperMetadata, EmuDeveloperMetadataFinder, EmuDeveloperMetadataLocation } from './metadata';
export { EmuBanding } from './banding';
export {
  EmuEmbeddedChartBuilder,
  EmuEmbeddedChart,
  EmuChartOptions,
  EmuContainerInfo,
  ChartsEnum,
  ChartErrors,
  chartModels,
  chartRangeA1,
  type ChartModel,
} from './charts';
export { describeCharts, type ChartDescription } from './chart-list';
export * as SpreadsheetEnums from './enums';
export { SheetErrors } from './errors';
export {
  personEdit,
  personInsertRows,
  personSortRows,
  personDeleteRows,
  PersonErrors,
  type EditResult,
  type RowsResult,
} from './person';
export {
  createSpreadsheetFile,
  loadSheets,
  dumpSheets,
  setSelection,
  fileEditors,
  toasts,
  type SpreadsheetFileOptions,
} from './testbed';
