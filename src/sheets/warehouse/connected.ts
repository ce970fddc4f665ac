/**
 * Connected Sheets over the warehouse (https://developers.google.com/apps-script/guides/sheets/connected-sheets):
 * a data-source sheet over a warehouse view and a pivot table computed by BigQuery, so figures the
 * workbook can no longer hold come from the warehouse. enableBigQueryExecution comes first (it is what
 * asks for the bigquery.readonly scope).
 */
import { columnName } from '../../domain/warehouse/records';

import type { ConnectedSheetsResult } from '../../shared/api';

export type { ConnectedSheetsResult };

export const CONNECTED_SHEET_NAMES = {
  data: 'Warehouse: Leads',
  pivot: 'Warehouse: Leads by Status',
} as const;

/** The data-source sheet over `leads` and the pivot (status: how many, their deal value), made once. */
export function connectSheets(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  projectId: string,
  dataset: string,
): ConnectedSheetsResult {
  const names = CONNECTED_SHEET_NAMES;
  if (ss.getSheetByName(names.data) && ss.getSheetByName(names.pivot))
    return { dataSheet: names.data, pivotSheet: names.pivot, created: false };
  SpreadsheetApp.enableBigQueryExecution();
  const spec = SpreadsheetApp.newDataSourceSpec()
    .asBigQuery()
    .setProjectId(projectId)
    .setRawQuery(`SELECT * FROM \`${projectId}.${dataset}.leads\``)
    .build();
  let data = ss.getSheetByName(names.data);
  let source: GoogleAppsScript.Spreadsheet.DataSource;
  if (!data) {
    const sheet = ss.insertDataSourceSheet(spec);
    data = sheet.asSheet().setName(names.data);
    source = sheet.getDataSource();
  } else {
    source = ss.insertDataSourceSheet(spec).getDataSource();
  }
  const pivotSheet = ss.getSheetByName(names.pivot) ?? ss.insertSheet(names.pivot);
  const pivot = pivotSheet.getRange(1, 1).createDataSourcePivotTable(source);
  pivot.addRowGroup(columnName('Status'));
  pivot.addPivotValue(columnName('Lead ID'), SpreadsheetApp.PivotTableSummarizeFunction.COUNTA);
  pivot.addPivotValue(columnName('Deal Value'), SpreadsheetApp.PivotTableSummarizeFunction.SUM);
  return { dataSheet: names.data, pivotSheet: names.pivot, created: true };
}
