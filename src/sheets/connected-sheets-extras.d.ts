/**
 * What Google's Spreadsheet reference documents for Connected Sheets and @types/google-apps-script
 * 2.0.13 lacks: Spreadsheet.insertDataSourceSheet(spec), the way to add a data-source sheet.
 * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertDataSourceSheet(DataSourceSpec)
 * https://developers.google.com/apps-script/guides/sheets/connected-sheets
 */
declare namespace GoogleAppsScript.Spreadsheet {
  interface Spreadsheet {
    /** A new data-source sheet showing what the spec's query returns (a preview of its rows). */
    insertDataSourceSheet(spec: DataSourceSpec): DataSourceSheet;
  }
}
