/**
 * A person tidies the workbook by deleting the empty rows at the bottom of the Audit Log, or of
 * Leads: the change trigger asks each sheet's row count again (src/app/audit/record-change.ts), so
 * the next writes past the new end add the rows they need instead of failing ("The coordinates of
 * the range are outside the dimensions of the sheet") on every later call.
 */
import type { Emulator } from '../../emulator/harness';
import { OWNER } from '../support/emulator';
import { partnerOn, tracker } from './commissions-fixture';

const size = (emu: Emulator, name: string) =>
  emu.rt.uncounted(() => {
    const sheet = emu.spreadsheet.getSheetByName(name)!;
    return { maxRows: sheet.getMaxRows(), lastRow: sheet.getLastRow() };
  });

/** A person deletes all but `keep` of the empty rows below the sheet's last row. */
function deleteEmptyRows(emu: Emulator, name: string, keep: number): void {
  const { maxRows, lastRow } = size(emu, name);
  expect(emu.deleteRows(OWNER, name, lastRow + keep + 1, maxRows - lastRow - keep).ok).toBe(true);
  expect(size(emu, name).maxRows).toBe(lastRow + keep);
}

describe('empty rows deleted at the bottom of a sheet', () => {
  it.each(['Audit Log', 'Leads'])('%s: the registrations after it are written and audited', (name) => {
    const emu = tracker();
    const partner = partnerOn(emu, { name: 'Ten now', type: 'percent', rate: 10, holdDays: 0 });
    deleteEmptyRows(emu, name, 2);
    for (let i = 0; i < 4; i++) {
      const outcome = emu.measure(() =>
        emu.call(OWNER, 'registerLead', {
          partnerId: partner,
          company: `Tidy ${i}`,
          domain: `tidy-${i}.test`,
        }),
      );
      expect({ i, ok: outcome.ok, error: outcome.error }).toEqual({ i, ok: true, error: undefined });
    }
    const leads = emu.sheets().Leads as unknown[][];
    const company = leads[0].indexOf('Company');
    expect(leads.map((r) => r[company])).toEqual(expect.arrayContaining(['Tidy 0', 'Tidy 3']));
    expect(emu.call<{ ok: boolean }>(OWNER, 'verifyAuditLog').ok).toBe(true);
  });
});
