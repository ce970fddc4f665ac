/**
 * Connected Sheets over the warehouse (connectWarehouseSheets): a data-source sheet over the
 * warehouse's leads, a pivot by status computed by BigQuery (equal to the workbook's own figures)
 * and a column chart of the pivot.
 * https://developers.google.com/apps-script/guides/sheets/connected-sheets
 */
import type { Emulator } from '../../emulator/harness';
import { chartModels, chartRangeA1 } from '../../emulator/spreadsheet';
import { TEAMMATE } from '../support/emulator';
import { OWNER, hourly, smallProgram, turnOn, warehouseTracker } from './warehouse-fixture';

function pivotCharts(emu: Emulator) {
  const sheet = emu.spreadsheet.getSheetByName('Warehouse: Leads by Status')!;
  return chartModels((sheet as unknown as { model: Parameters<typeof chartModels>[0] }).model);
}

describe('Connected Sheets over the warehouse', () => {
  it('makes a data-source sheet of the leads and a pivot of them by status, once', () => {
    const emu = warehouseTracker();
    smallProgram(emu, [1000, 250.5]);
    turnOn(emu);
    hourly(emu);
    const made = emu.measure(() => emu.call(OWNER, 'connectWarehouseSheets'));
    expect(made.error).toBeUndefined();
    expect(made.result).toEqual({
      dataSheet: 'Warehouse: Leads',
      pivotSheet: 'Warehouse: Leads by Status',
      chart: 'Leads by status (warehouse)',
      created: true,
    });
    const sheets = emu.sheets();
    const data = sheets['Warehouse: Leads'];
    expect(data[0]).toContain('lead_id');
    expect(data.slice(1).filter((r) => r[0] !== '')).toHaveLength(2);
    expect(sheets['Warehouse: Leads by Status'].slice(0, 2).map((r) => r.slice(0, 3))).toEqual([
      ['status', 'COUNTA of lead_id', 'SUM of deal_value'],
      ['Won', 2, 1250.5],
    ]);
    // A column chart over the pivot's status and count columns, on the pivot's sheet.
    const charts = pivotCharts(emu);
    expect(charts.map((c) => [c.type, c.options.get('title'), c.ranges.map(chartRangeA1)])).toEqual([
      ['COLUMN', 'Leads by status (warehouse)', ["'Warehouse: Leads by Status'!A1:B7"]],
    ]);
    expect(emu.call(OWNER, 'connectWarehouseSheets')).toMatchObject({ created: false });
    expect(pivotCharts(emu)).toHaveLength(1);
  });

  it('a run that died before the chart makes it when run again', () => {
    const emu = warehouseTracker();
    smallProgram(emu, [1000]);
    turnOn(emu);
    hourly(emu);
    emu.call(OWNER, 'connectWarehouseSheets');
    const sheet = emu.spreadsheet.getSheetByName('Warehouse: Leads by Status')!;
    emu.rt.uncounted(() => sheet.getCharts().forEach((c) => sheet.removeChart(c)));
    expect(pivotCharts(emu)).toHaveLength(0);
    expect(emu.call(OWNER, 'connectWarehouseSheets')).toMatchObject({ created: true });
    expect(pivotCharts(emu).map((c) => c.options.get('title'))).toEqual(['Leads by status (warehouse)']);
  });

  it('is the owner’s, and only once the warehouse is on', () => {
    const emu = warehouseTracker();
    expect(emu.measure(() => emu.call(OWNER, 'connectWarehouseSheets')).error).toBe(
      'Warehouse: it is off: turn it on in Settings > Warehouse first.',
    );
    turnOn(emu);
    expect(emu.measure(() => emu.call(TEAMMATE, 'connectWarehouseSheets')).error).toBe(
      'Only the tracker’s owner turns the warehouse on or off.',
    );
  });
});
