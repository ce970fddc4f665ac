/**
 * A Status cell that holds no status of the tracker (written by another tool: an API write passes no
 * validation) is never taken for one: it is reported with its sheet row and value. A lead or a
 * partner is read with the problem and refused what needs a status; a deal earns nothing and its
 * Lead ID cell says why; a commission line or a payout stops the read that would compute over it.
 */
import type { Emulator } from '../../emulator/harness';
import type { ImportResult, Lead } from '../../src/shared/api';
import { OWNER, addPartner, callError, cellInfo, lead, leadCell, register, tracker } from './leads-fixture';

/** Appends a row as another tool would (a script write: no trigger fires, no validation). */
function appendRow(emu: Emulator, sheet: string, values: Record<string, unknown>): number {
  const [headers, ...rows] = emu.sheets()[sheet] as unknown[][];
  const used = rows.filter((r) => r.some((v) => v !== '' && v !== null)).length;
  const row = used + 2;
  emu.rt.uncounted(() =>
    emu.spreadsheet
      .getSheetByName(sheet)!
      .getRange(row, 1, 1, headers.length)
      .setValues([(headers as string[]).map((h) => values[h] ?? '')]),
  );
  return row;
}

const LEAD_LIST = 'Submitted, Approved, Rejected, Won, Lost, Expired';

describe('a Status the tracker does not know', () => {
  it('a lead reads with the problem, cannot be reviewed, and its deal earns nothing, saying why', () => {
    const emu = tracker();
    emu.call(OWNER, 'savePlan', { name: 'Ten', type: 'percent', rate: 10 });
    const beta = addPartner(emu, { partnerName: 'Beta Partners', plan: 'Ten' });
    register(emu, { partnerId: beta, company: 'Acme Inc' });
    const row = appendRow(emu, 'Leads', {
      'Lead ID': 'L-000777',
      'Partner ID': beta,
      Company: 'Imported Co',
      Currency: 'USD',
      Status: 'Closed Won',
      'Registered On': new Date('2026-01-01T00:00:00Z'),
      'Closed On': new Date('2026-02-01T00:00:00Z'),
      'Deal Value': 5000,
    });
    const problem = `Leads row ${row}: Status 'Closed Won' is not one of: ${LEAD_LIST}`;

    expect(lead(emu, 'L-000777')).toMatchObject<Partial<Lead>>({ status: '', statusProblem: problem });
    expect(callError(emu, 'reviewLead', 'L-000777', 'approve')).toBe(`L-000777: ${problem}`);

    expect(emu.call(OWNER, 'runCommissions')).toMatchObject({ created: 0 });
    expect(emu.call<unknown[]>(OWNER, 'listCommissions', {})).toEqual([]);
    expect(cellInfo(emu, 'Leads', leadCell(emu, 'L-000777', 'Lead ID')).notes[0][0]).toBe(
      `No commission: Deal L-000777: ${problem}`,
    );
  });

  it('a partner cannot register leads, and the refusal names the row and the value', () => {
    const emu = tracker();
    const row = appendRow(emu, 'Partners', {
      'Partner ID': 'P-0042',
      'Partner Name': 'Retired Co',
      'Contact Email': 'sales@retired.test',
      Type: 'Reseller',
      Status: 'Retired',
    });
    // the import reads Partners whole (registerLead reads it from its shadow, which this write bypassed)
    const result = emu.call<ImportResult>(OWNER, 'runImport', 'leads', 'Partner ID,Company\nP-0042,Acme Inc');
    expect(result.rows.map((r) => r.errors)).toEqual([
      [
        `Leads cannot be registered for Retired Co (P-0042): Partners row ${row}: Status 'Retired' is not one of: Active, Paused, Terminated`,
      ],
    ]);
  });

  it('a commission line or a payout stops the read that would compute over it', () => {
    const emu = tracker();
    const line = appendRow(emu, 'Commissions', {
      'Commission ID': 'C-000050',
      'Lead ID': 'L-000050',
      'Partner ID': 'P-0001',
      Kind: 'Commission',
      Currency: 'USD',
      Amount: 25,
      Status: 'Settled',
    });
    expect(callError(emu, 'listCommissions', {})).toBe(
      `Commissions row ${line}: Status 'Settled' is not one of: Pending, Eligible, Approved, Paid, Void. ` +
        'Commissions are computed from the statuses of their lines: correct the cell, then try again.',
    );

    const other = tracker();
    const payout = appendRow(other, 'Payouts', {
      'Payout ID': 'PO-0009',
      'Partner ID': 'P-0001',
      Currency: 'USD',
      Amount: 0,
      Status: 'Sent',
    });
    expect(callError(other, 'listPayouts')).toBe(
      `Payouts row ${payout}: Status 'Sent' is not one of: Draft, Approved, Paid. Correct the cell, then try again.`,
    );
  });
});
