/**
 * Connected Sheets in the emulator, as the guide documents them
 * (https://developers.google.com/apps-script/guides/sheets/connected-sheets): enableBigQueryExecution
 * first (it needs bigquery.readonly), newDataSourceSpec().asBigQuery(), insertDataSourceSheet (a
 * preview of 500 rows), createDataSourcePivotTable with row groups and summarized values, computed
 * by the query engine.
 */
import { Emulator } from '../../../emulator/harness';
import type { Manifest } from '../../../emulator/manifest';
import { Scope } from '../../../emulator/scopes';

const OWNER = 'owner@acme.test';
const CODE = `
function spec(project, sql) {
  return SpreadsheetApp.newDataSourceSpec().asBigQuery().setProjectId(project).setRawQuery(sql).build();
}
function sheet(project, sql, enable) {
  if (enable) SpreadsheetApp.enableBigQueryExecution();
  const ds = SpreadsheetApp.getActive().insertDataSourceSheet(spec(project, sql));
  return ds.asSheet().getName();
}
function pivot(project, sql) {
  SpreadsheetApp.enableBigQueryExecution();
  const ss = SpreadsheetApp.getActive();
  const ds = ss.insertDataSourceSheet(spec(project, sql));
  const p = ss.insertSheet('Pivot').getRange(2, 2).createDataSourcePivotTable(ds.getDataSource());
  p.addRowGroup('status');
  p.addPivotValue('id', SpreadsheetApp.PivotTableSummarizeFunction.COUNTA);
  p.addPivotValue('amount', SpreadsheetApp.PivotTableSummarizeFunction.SUM);
  return ss.getSheetByName('Pivot').getRange(2, 2, 3, 3).getValues();
}
`;

function emulator(scopes: string[] = [Scope.spreadsheetsCurrentOnly, Scope.bigqueryReadonly]): Emulator {
  const manifest: Manifest = { oauthScopes: scopes };
  const emu = new Emulator({ owner: OWNER, now: '2026-03-02T09:00:00Z', manifest }).load(CODE);
  const world = emu.bigquery.addProject('acme-data', { [OWNER]: 'OWNER' });
  world.createDataset(world.projects.get('acme-data')!, 'tracker');
  world.sql('CREATE TABLE tracker.leads (id VARCHAR, status VARCHAR, amount DECIMAL(38,9))');
  world.sql(
    "INSERT INTO tracker.leads SELECT 'L-' || i, CASE WHEN i % 3 = 0 THEN 'Won' ELSE 'Lost' END, i / 100 FROM range(1, 601) t(i)",
  );
  return emu;
}

const run = (emu: Emulator, fn: string, ...args: unknown[]) =>
  emu.measure(() => emu.call(OWNER, fn, ...args));

describe('Connected Sheets', () => {
  it('a data-source sheet shows the query columns and a preview of 500 rows', () => {
    const emu = emulator();
    const out = run(
      emu,
      'sheet',
      'acme-data',
      'SELECT id, status FROM `acme-data.tracker.leads` ORDER BY 1',
      true,
    );
    expect(out.error).toBeUndefined();
    const shown = emu.sheets()[out.result as string] as unknown[][];
    expect(shown[0]).toEqual(['id', 'status']);
    expect(shown.slice(1).filter((r) => r[0] !== '')).toHaveLength(500);
  });

  it('needs SpreadsheetApp.enableBigQueryExecution() first, and the bigquery.readonly scope for it', () => {
    expect(run(emulator(), 'sheet', 'acme-data', 'SELECT 1 AS x', false).error).toMatch(
      /enableBigQueryExecution/,
    );
    expect(
      run(emulator([Scope.spreadsheetsCurrentOnly]), 'sheet', 'acme-data', 'SELECT 1 AS x', true).error,
    ).toBe(
      'Specified permissions are not sufficient to call SpreadsheetApp.enableBigQueryExecution. Required permissions: https://www.googleapis.com/auth/bigquery.readonly',
    );
  });

  it('a pivot table over the data source is computed by the engine (GROUP BY), shown from its anchor', () => {
    const emu = emulator();
    const out = run(emu, 'pivot', 'acme-data', 'SELECT * FROM `acme-data.tracker.leads`');
    expect(out.error).toBeUndefined();
    // 600 leads: 200 Won (ids divisible by 3), 400 Lost; amounts i/100 summed exactly
    const won = Array.from({ length: 200 }, (_, k) => (3 * (k + 1)) / 100).reduce((a, b) => a + b, 0);
    expect(out.result).toEqual([
      ['status', 'COUNTA of id', 'SUM of amount'],
      ['Lost', 400, Number((1803 - won).toFixed(2))],
      ['Won', 200, Number(won.toFixed(2))],
    ]);
  });

  it('refuses a person without access to the project, with BigQuery’s words', () => {
    const emu = emulator();
    emu.bigquery.projects.get('acme-data')!.members.clear();
    expect(run(emu, 'sheet', 'acme-data', 'SELECT 1 AS x', true).error).toMatch(
      /Access Denied: Project acme-data/,
    );
  });
});
