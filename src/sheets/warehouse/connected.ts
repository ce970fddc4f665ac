/**
 * Connected Sheets over the warehouse (https://developers.google.com/apps-script/guides/sheets/connected-sheets):
 * a data-source sheet over a warehouse view, a pivot table computed by BigQuery and a chart of it, so figures the
 * workbook can no longer hold come from the warehouse. enableBigQueryExecution comes first (it is what
 * asks for the bigquery.readonly scope).
 */
import { columnName } from '../../domain/warehouse/records';
import { LEAD_STATUSES } from '../../shared/statuses';

import type { ConnectedSheetsResult } from '../../shared/api';

export type { ConnectedSheetsResult };

export const CONNECTED_SHEET_NAMES = {
  data: 'Warehouse: Leads',
  pivot: 'Warehouse: Leads by Status',
  chart: 'Leads by status (warehouse)',
} as const;

/**
 * The chart over the pivot (status and how many: its first two columns, one row per lead status and
 * the header), on the pivot's sheet beside it, made once: a sheet that has it already is left as is.
 */
function ensurePivotChart(pivotSheet: GoogleAppsScript.Spreadsheet.Sheet): boolean {
  const title = CONNECTED_SHEET_NAMES.chart;
  if (pivotSheet.getCharts().some((c) => c.getOptions().get('title') === title)) return false;
  pivotSheet.insertChart(
    pivotSheet
      .newChart()
      .setChartType(Charts.ChartType.COLUMN)
      .addRange(pivotSheet.getRange(1, 1, LEAD_STATUSES.length + 1, 2))
      .setPosition(1, 5, 0, 0)
      .setOption('title', title)
      .setOption('legend', 'none')
      .build(),
  );
  return true;
}

/** The data-source sheet over `leads` and the pivot (status: how many, their deal value), made once. */
export function connectSheets(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  projectId: string,
  dataset: string,
): ConnectedSheetsResult {
  const names = CONNECTED_SHEET_NAMES;
  const made = ss.getSheetByName(names.pivot);
  if (ss.getSheetByName(names.data) && made) {
    // A run that died after the pivot: its chart is made now.
    const created = ensurePivotChart(made);
    return { dataSheet: names.data, pivotSheet: names.pivot, chart: names.chart, created };
  }
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
  ensurePivotChart(pivotSheet);
  return { dataSheet: names.data, pivotSheet: names.pivot, chart: names.chart, created: true };
}
