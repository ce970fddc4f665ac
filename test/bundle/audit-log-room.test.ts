/**
 * The Audit Log's empty rows, kept ahead of need by the hourly run (src/app/audit/log-room.ts): when
 * the log has fewer empty rows below its last entry than it keeps (a tenth of Leads' rows, at least
 * 1,000), an hourly execution with room in its call budget adds them (its journal, insertRowsAfter,
 * the new rows' number format), so the commits that append entries add no rows themselves. Failing
 * at any call of that execution, the next hourly run ends the day with the room made and the log
 * verifying.
 */
import type { Emulator } from '../../emulator/harness';
import { docOf } from '../../emulator/spreadsheet/spreadsheet';
import { OWNER } from '../support/emulator';
import { hourlyExecutions } from '../support/hourly-executions';
import { tracker } from './commissions-fixture';

const logSize = (emu: Emulator) =>
  emu.rt.uncounted(() => {
    const log = emu.spreadsheet.getSheetByName('Audit Log')!;
    return { maxRows: log.getMaxRows(), lastRow: log.getLastRow() };
  });

/** Empty rows below the log's last entry. */
const room = (emu: Emulator) => logSize(emu).maxRows - logSize(emu).lastRow;

/**
 * A tracker whose Leads sheet has 60,000 rows (most of them empty), so the log keeps 6,000 empty
 * rows: more than the 5,000 set-up gave it.
 */
function roomDue(): Emulator {
  const emu = tracker();
  emu.rt.uncounted(() => {
    const leads = emu.spreadsheet.getSheetByName('Leads')!;
    leads.insertRowsAfter(leads.getMaxRows(), 60_000 - leads.getMaxRows());
  });
  emu.call(OWNER, 'setupTracker'); // the layout learns the size, as it would after any change
  return emu;
}

/** The execution of the day's hourly runs that adds the rows (its index), with the day's runs. */
function growingExecution(emu: Emulator): number {
  const executions = hourlyExecutions(emu);
  const growing = executions.flatMap((e, i) => (e.methods.includes('Sheet.insertRowsAfter') ? [i] : []));
  expect(growing).toHaveLength(1);
  // within its 15 calls of its own (the e-mails apart)
  expect(executions[growing[0]].methods.filter((m) => !m.startsWith('MailApp')).length).toBeLessThanOrEqual(
    15,
  );
  return growing[0];
}

describe("the Audit Log's empty rows", () => {
  it('are added by one hourly execution within its 15 calls, formatted as the first; the next day adds none', () => {
    const emu = roomDue();
    expect(room(emu)).toBeLessThan(6_000);
    growingExecution(emu);
    expect(room(emu)).toBeGreaterThanOrEqual(6_000);
    // the new rows have the log's number formats, as its first rows
    const formats = (row: number) =>
      emu.rt.uncounted(
        () => emu.spreadsheet.getSheetByName('Audit Log')!.getRange(row, 1, 1, 10).getNumberFormats()[0],
      );
    expect(formats(logSize(emu).maxRows)).toEqual(formats(2));
    // the next day's runs find room enough: they add none
    emu.rt.advance(86_400_000);
    const next = hourlyExecutions(emu);
    expect(next.flatMap((e) => e.methods)).not.toContain('Sheet.insertRowsAfter');
  });

  it("near Sheets' 10-million-cell limit, are not added, and nothing fails for them", () => {
    const emu = roomDue();
    const doc = docOf(emu.spreadsheet);
    // Another sheet fills the workbook to 50 cells short of the limit.
    emu.rt.uncounted(() => {
      const filler = emu.spreadsheet.insertSheet('Filler');
      filler.deleteColumns(2, 25);
      filler.insertRowsAfter(1000, 10_000_000 - doc.gridCells() - 50);
    });
    const before = logSize(emu).maxRows;
    const executions = hourlyExecutions(emu);
    expect(executions.length).toBeLessThan(60); // the day's jobs finished
    expect(logSize(emu).maxRows).toBe(before);
    // the layout knows the log's real size: a registration after it appends its entries
    const partner = emu.call<{ id: string }>(OWNER, 'savePartner', {
      partnerName: 'Limit Partners',
      contactEmail: 'limit@partner.test',
      type: 'Referral',
    });
    emu.call(OWNER, 'registerLead', { partnerId: partner.id, company: 'Limit Co', domain: 'limit.test' });
    expect(emu.call<{ ok: boolean }>(OWNER, 'verifyAuditLog').ok).toBe(true);
    expect(doc.gridCells()).toBeLessThanOrEqual(10_000_000);
  });

  it('failing at any call of the execution that adds them, are made by the next hourly run', () => {
    const reference = roomDue();
    const at = growingExecution(reference);
    const calls = hourlyExecutions(roomDue())[at].methods.length;
    for (let k = 0; k < calls; k++) {
      const emu = roomDue();
      hourlyExecutions(emu, { execution: at, k });
      expect({ k, room: room(emu) >= 6_000 }).toEqual({ k, room: true });
      expect({ k, log: emu.call<{ ok: boolean }>(OWNER, 'verifyAuditLog').ok }).toEqual({ k, log: true });
      expect({ k, size: logSize(emu).maxRows }).toEqual({ k, size: logSize(reference).maxRows });
    }
  });
});
