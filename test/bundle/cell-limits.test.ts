/**
 * The tracker inside Sheets' limits: 10,000,000 grid cells per spreadsheet, empty cells included
 * (https://support.google.com/drive/answer/37603), and 50,000 characters per cell (reported: Sheets
 * refuses a longer write with "Your input contains more than the maximum of 50000 characters in a
 * single cell."). The emulator enforces both (test/emulator/spreadsheet/limits.test.ts).
 */
import type { Emulator } from '../../emulator/harness';
import { docOf } from '../../emulator/spreadsheet/spreadsheet';
import type { ImportResult } from '../../src/shared/api';
import { newEmulator, OWNER, TEAMMATE } from '../support/emulator';
import { addPartner, addToSettingsList, callError, leadCell, register, rowsOf } from './leads-fixture';
import { letters } from '../support/names';

function grid(emu: Emulator): Record<string, [number, number]> {
  return emu.rt.uncounted(() =>
    Object.fromEntries(
      emu.spreadsheet.getSheets().map((s) => [s.getName(), [s.getMaxRows(), s.getMaxColumns()]]),
    ),
  );
}

function tracker(): Emulator {
  const emu = newEmulator();
  const setup = emu.call<{ ok: boolean; message: string }>(OWNER, 'setupTracker');
  if (!setup.ok) throw new Error(setup.message);
  return emu;
}

describe('grid cells', () => {
  it('set-up keeps only the columns each new sheet uses (insertSheet makes 1000 x 26)', () => {
    const emu = tracker();
    expect(grid(emu)).toEqual({
      Sheet1: [1000, 26],
      Dashboard: [1000, 26],
      Partners: [1000, 16],
      Leads: [1000, 21],
      Commissions: [1000, 16],
      Payouts: [1000, 15],
      Plans: [1000, 19],
      Settings: [1000, 14],
      'Audit Log': [5000, 10],
      _Shadow: [6000, 9], // one column per tracked sheet, the journal's (sheets/journal.ts), the lead and ledger indexes'
      _Metrics: [20, 22], // the compact table the Dashboard's charts read
    });
    expect(docOf(emu.spreadsheet).gridCells()).toBe(
      2 * 26_000 + 1000 * (16 + 21 + 16 + 15 + 19 + 14) + 5000 * 10 + 6000 * 9 + 20 * 22,
    );
  });

  it('near the limit a sheet grows by the rows it needs only; at it, the person is told what to do', () => {
    const emu = tracker();
    addToSettingsList(emu, 'Team', TEAMMATE);
    const partnerId = addPartner(emu, { partnerName: 'Beta Partners' });
    const csv = ['Partner,Company Name,Website'];
    for (let i = 0; i < 998; i++) csv.push(`${partnerId},Firm ${letters(i)},${letters(i)}.example`);
    const imported = emu.call<ImportResult>(OWNER, 'runImport', 'leads', csv.join('\n')).imported;
    register(emu, { partnerId, company: 'Last Fit Ltd', domain: 'lastfit.test' });
    const leads = rowsOf(emu, 'Leads').length;
    expect(leads).toBe(imported + 1);
    expect(leads + 1).toBe(1000); // Leads' 1,000 rows are full (header included)
    // Another sheet fills the workbook to 10 rows of Leads (19 columns) short of the limit.
    const doc = docOf(emu.spreadsheet);
    emu.rt.uncounted(() => {
      const filler = emu.spreadsheet.insertSheet('Filler');
      filler.deleteColumns(2, 25);
      filler.insertRowsAfter(1000, 10_000_000 - doc.gridCells() - 10 * 19);
    });
    expect(doc.gridCells()).toBe(10_000_000 - 190);
    // The next registration needs a row: 5,001 would pass the limit, 1 does not.
    const next = register(emu, { partnerId, company: 'Near Limit Ltd', domain: 'nearlimit.test' }, TEAMMATE);
    expect(rowsOf(emu, 'Leads').map((r) => r['Lead ID'])).toContain(next.id);
    expect(grid(emu).Leads).toEqual([1001, 21]);
    // Filled to the limit exactly: no row can be added, and the message says what to do.
    emu.rt.uncounted(() =>
      emu.spreadsheet.getSheetByName('Filler')!.insertRowsAfter(10, 10_000_000 - doc.gridCells()),
    );
    expect(doc.gridCells()).toBe(10_000_000);
    expect(
      callError(emu, 'registerLead', { partnerId, company: 'Too Many Ltd', domain: 'toomany.test' }),
    ).toBe(
      "The spreadsheet is at Google Sheets' limit of 10,000,000 cells (every sheet's rows x columns count, empty ones too), so no row can be added: delete empty rows or columns, or sheets you no longer need, and try again.",
    );
  });
});

describe('50,000 characters per cell', () => {
  it("a person's long note (within the cell, its row's shadow would not be) is audited whole", () => {
    const emu = tracker();
    const partnerId = addPartner(emu, { partnerName: 'Beta Partners' });
    const id = register(emu, { partnerId, company: 'Acme Inc', domain: 'acme.com' }).id;
    const note = '"Quoted" notes, with \\ backslashes\n'.repeat(1380); // 49,680 characters
    const outcome = emu.edit(TEAMMATE, 'Leads', leadCell(emu, id, 'Notes'), [[note]]);
    expect(outcome.ok).toBe(true);
    expect(outcome.fired.map((f) => [f.handler, f.ok, f.error ?? null])).toEqual(
      outcome.fired.map((f) => [f.handler, true, null]),
    );
    const entry = rowsOf(emu, 'Audit Log').slice(-1)[0];
    expect([entry.Field, entry['New Value']]).toEqual(['Notes', note]);
    expect(rowsOf(emu, 'Leads')[0].Notes).toBe(note);
    const shadow = emu.rt.uncounted(() =>
      String(emu.spreadsheet.getSheetByName('_Shadow')!.getRange('B2').getValue()),
    );
    expect(shadow.length).toBeLessThanOrEqual(50_000);
    expect((JSON.parse(shadow) as Record<string, string>).leadId).toBe(id);
    expect(emu.call<{ ok: boolean }>(OWNER, 'verifyAuditLog').ok).toBe(true);
  });
});
