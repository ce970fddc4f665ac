/**
 * Connected Sheets over the warehouse (connectWarehouseSheets): a data-source sheet over the
 * warehouse's leads and a pivot by status computed by BigQuery, equal to the workbook's own figures.
 * https://developers.google.com/apps-script/guides/sheets/connected-sheets
 */
import { TEAMMATE } from '../support/emulator';
import { OWNER, hourly, smallProgram, turnOn, warehouseTracker } from './warehouse-fixture';

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
    expect(emu.call(OWNER, 'connectWarehouseSheets')).toMatchObject({ created: false });
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
