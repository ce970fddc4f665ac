/**
 * The ledger through the bundle: a person's edits of Leads (the installable edit trigger), months
 * passing (the hourly trigger's daily jobs), runCommissions twice and racing an edit, approvals with
 * the hold, Won -> Lost after payment, a changed Deal Value.
 */
import { TEAMMATE } from '../support/emulator';
import {
  OWNER,
  approvedLead,
  cellOf,
  lines,
  linesOf,
  addToTeam,
  partnerOn,
  tracker as bareTracker,
  wonDeal,
} from './commissions-fixture';

/** The rep edits deals in the sheet: Status and Deal Value are the owner's and the Team's. */
function tracker() {
  const emu = bareTracker();
  addToTeam(emu, TEAMMATE);
  return emu;
}
import type { Emulator } from '../../emulator/harness';

function personWins(emu: Emulator, lead: string, dealValue: number): void {
  expect(emu.edit(TEAMMATE, 'Leads', cellOf(emu, 'Leads', lead, 'Deal Value'), [[dealValue]]).ok).toBe(true);
  expect(emu.edit(TEAMMATE, 'Leads', cellOf(emu, 'Leads', lead, 'Status'), [['Won']]).ok).toBe(true);
}

function keysOf(emu: Emulator): string[] {
  const rows = emu.sheets().Commissions;
  const col = rows[0].indexOf('Key');
  return rows.slice(1).map((r) => String(r[col]));
}

describe("a person's edit of Leads", () => {
  it('setting Status to Won in the sheet creates the lines at once (edit trigger)', () => {
    const emu = tracker();
    const p = partnerOn(emu, { name: 'Gold 12%', type: 'percent', rate: 12 });
    const lead = approvedLead(emu, p);
    personWins(emu, lead, 12000);
    expect(linesOf(emu, lead)).toEqual([
      expect.objectContaining({ amount: 1440, status: 'Pending', earnedOn: '2026-03-02' }),
    ]);
    const audit = emu.sheets()['Audit Log'].filter((r) => r[3] === 'Commissions');
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.every((r) => r[2] === 'trigger')).toBe(true);
    // A line the tracker adds is ONE audit row holding the line (Sheets' 10 million cells: a
    // 100,000-lead program's first reconcile would not fit cell by cell, see schema-types.ts).
    expect(audit.map((r) => [r[4], r[5], r[6], r[7]])).toEqual([['C-000001', '(row added)', '2:2', '']]);
    expect(JSON.parse(String(audit[0][8]))).toMatchObject({
      commissionId: 'C-000001',
      leadId: lead,
      kind: 'Commission',
      amount: '1440',
      status: 'Pending',
    });
    expect(emu.call(OWNER, 'verifyAuditLog')).toMatchObject({ ok: true });
  });

  it('a changed Deal Value on an Approved line adds an Adjustment for the difference', () => {
    const emu = tracker();
    const p = partnerOn(emu, { name: 'Ten', type: 'percent', rate: 10, holdDays: 0 });
    const lead = approvedLead(emu, p);
    personWins(emu, lead, 1000);
    expect(emu.call(OWNER, 'approveCommissions', ['C-000001'])).toEqual({ approved: 1 });
    emu.edit(TEAMMATE, 'Leads', cellOf(emu, 'Leads', lead, 'Deal Value'), [[1500]]);
    expect(linesOf(emu, lead).map((l) => [l.id, l.kind, l.amount, l.status])).toEqual([
      ['C-000001', 'Commission', 100, 'Approved'],
      ['C-000002', 'Adjustment', 50, 'Eligible'],
    ]);
    expect(linesOf(emu, lead)[1].explanation).toMatch(
      /^adjusts L-\d+\/commission from 100\.00 USD to 150\.00 USD/,
    );
  });

  it('Won -> Lost voids Pending lines', () => {
    const emu = tracker();
    const p = partnerOn(emu, { name: 'Gold 12%', type: 'percent', rate: 12 });
    const lead = approvedLead(emu, p);
    personWins(emu, lead, 1000);
    emu.edit(TEAMMATE, 'Leads', cellOf(emu, 'Leads', lead, 'Status'), [['Lost']]);
    expect(linesOf(emu, lead).map((l) => [l.id, l.amount, l.status])).toEqual([['C-000001', 120, 'Void']]);
  });
});

describe('approvals', () => {
  it('refuses a line still in its hold, saying until when; approves it once the hold is over', () => {
    const emu = tracker();
    const p = partnerOn(emu, { name: 'Gold 12%', type: 'percent', rate: 12 });
    wonDeal(emu, p, 1000);
    const refused = emu.measure(() => emu.call(OWNER, 'approveCommissions', ['C-000001']));
    expect(refused.error).toBe('C-000001 is on hold until 2026-04-01');
    emu.advance('P31D');
    expect(lines(emu)[0].status).toBe('Eligible'); // the daily job moved it
    expect(emu.call(OWNER, 'approveCommissions', ['C-000001'])).toEqual({ approved: 1 });
    expect(lines(emu)[0]).toMatchObject({ status: 'Approved', approvedBy: OWNER, approvedOn: '2026-04-02' });
  });

  it('rejects with a reason (who and when in the Explanation) and no run recreates the line', () => {
    const emu = tracker();
    const p = partnerOn(emu, { name: 'Gold 12%', type: 'percent', rate: 12 });
    const lead = wonDeal(emu, p, 1000);
    expect(emu.measure(() => emu.call(OWNER, 'rejectCommissions', ['C-000001'], ' ')).error).toBe(
      'A reason is required to reject commission lines',
    );
    expect(emu.call(OWNER, 'rejectCommissions', ['C-000001'], 'duplicate deal')).toEqual({ rejected: 1 });
    emu.call(OWNER, 'runCommissions');
    expect(linesOf(emu, lead)).toEqual([
      expect.objectContaining({
        status: 'Void',
        explanation: `12% of 1,000.00 USD | rejected by ${OWNER} on 2026-03-02: duplicate deal`,
      }),
    ]);
  });
});

describe('runCommissions', () => {
  it('twice changes nothing the second time', () => {
    const emu = tracker();
    const p = partnerOn(emu, { name: 'Gold 12%', type: 'percent', rate: 12, firstDealBonus: 50 });
    wonDeal(emu, p, 1000);
    wonDeal(emu, p, 2000);
    const before = emu.sheets();
    expect(emu.call(OWNER, 'runCommissions')).toEqual({
      created: 0,
      voided: 0,
      eligible: 0,
      flagged: [],
      notComputed: [],
    });
    expect(emu.call(OWNER, 'runCommissions')).toEqual({
      created: 0,
      voided: 0,
      eligible: 0,
      flagged: [],
      notComputed: [],
    });
    expect(emu.sheets().Commissions).toEqual(before.Commissions);
    expect(emu.sheets()['Audit Log']).toEqual(before['Audit Log']);
  });

  it.each([['Range.getValues'], ['Spreadsheet.getSpreadsheetTimeZone']])(
    'a Won edit racing it (from the run’s %s) waits for the lock and creates no duplicate',
    (method) => {
      const emu = tracker();
      const p = partnerOn(emu, { name: 'Gold 12%', type: 'percent', rate: 12 });
      const lead = approvedLead(emu, p);
      emu.edit(TEAMMATE, 'Leads', cellOf(emu, 'Leads', lead, 'Deal Value'), [[1000]]);
      emu.edit(TEAMMATE, 'Leads', cellOf(emu, 'Leads', lead, 'Closed On'), [['2026-03-02']]);
      const statusCell = cellOf(emu, 'Leads', lead, 'Status');
      const race = emu.interleave(
        () => emu.call(OWNER, 'runCommissions'),
        () => emu.edit(TEAMMATE, 'Leads', statusCell, [['Won']]),
        { method },
      );
      expect(race.first.ok).toBe(true);
      expect(race.second.ok).toBe(true);
      expect(race.secondWaited).toBe(true);
      emu.call(OWNER, 'runCommissions');
      expect(keysOf(emu)).toEqual([`${lead}/commission`]);
      expect(linesOf(emu, lead)).toHaveLength(1);
    },
  );

  it('an edit trigger racing runCommissions (the run starts inside the trigger) creates no duplicate', () => {
    const emu = tracker();
    const p = partnerOn(emu, { name: 'Gold 12%', type: 'percent', rate: 12 });
    const lead = approvedLead(emu, p);
    emu.edit(TEAMMATE, 'Leads', cellOf(emu, 'Leads', lead, 'Deal Value'), [[1000]]);
    emu.edit(TEAMMATE, 'Leads', cellOf(emu, 'Leads', lead, 'Closed On'), [['2026-03-02']]);
    const statusCell = cellOf(emu, 'Leads', lead, 'Status');
    const race = emu.interleave(
      () => emu.edit(TEAMMATE, 'Leads', statusCell, [['Won']]),
      () => emu.call(OWNER, 'runCommissions'),
      { method: 'LockService.getDocumentLock' },
    );
    expect(race.first.ok && race.second.ok).toBe(true);
    expect(keysOf(emu)).toEqual([`${lead}/commission`]);
  });
});

describe('recurring plans as months pass', () => {
  it('a monthly line appears each month: 20% for 3 months, then 10%, 12 months in all', () => {
    const emu = tracker();
    const p = partnerOn(emu, {
      name: 'SaaS',
      type: 'recurring',
      rate: 20,
      months: 12,
      firstMonths: 3,
      thenRate: 10,
    });
    const lead = wonDeal(emu, p, 1000); // 1,000.00 USD a month
    expect(linesOf(emu, lead).map((l) => [l.earnedOn, l.amount])).toEqual([['2026-03-02', 200]]);
    emu.advance('P92D'); // to 2026-06-02
    expect(linesOf(emu, lead).map((l) => [l.earnedOn, l.amount, l.explanation])).toEqual([
      ['2026-03-02', 200, 'month 1 of 12: 20% of 1,000.00 USD monthly'],
      ['2026-04-02', 200, 'month 2 of 12: 20% of 1,000.00 USD monthly'],
      ['2026-05-02', 200, 'month 3 of 12: 20% of 1,000.00 USD monthly'],
      ['2026-06-02', 100, 'month 4 of 12: 10% of 1,000.00 USD monthly'],
    ]);
    // hold 30 days: month 3 (2026-05-02) became eligible on 2026-06-01, month 4 on 2026-07-02
    expect(linesOf(emu, lead).map((l) => l.status)).toEqual(['Eligible', 'Eligible', 'Eligible', 'Pending']);
  });
});

describe('clawback after payment', () => {
  it('Won -> Lost after the line was paid adds a negative Clawback pointing at it', () => {
    const emu = tracker();
    const p = partnerOn(emu, { name: 'Ten', type: 'percent', rate: 10, holdDays: 0 });
    const lead = wonDeal(emu, p, 1000);
    emu.call(OWNER, 'approveCommissions', ['C-000001']);
    const [payout] = emu.call<Array<{ id: string }>>(OWNER, 'createPayouts', '2026-03-02');
    // a Team of two: a second person approves (Settings > Payout Approval)
    emu.call(TEAMMATE, 'approvePayout', payout.id);
    emu.call(OWNER, 'markPayoutPaid', payout.id, 'WIRE-1', '2026-03-02');
    emu.edit(TEAMMATE, 'Leads', cellOf(emu, 'Leads', lead, 'Status'), [['Lost']]);
    expect(linesOf(emu, lead).map((l) => [l.id, l.kind, l.amount, l.status, l.payoutId])).toEqual([
      ['C-000001', 'Commission', 100, 'Paid', payout.id],
      ['C-000002', 'Clawback', -100, 'Eligible', ''],
    ]);
    expect(linesOf(emu, lead)[1].explanation).toBe(`reverses C-000001: ${lead}/commission is no longer due`);
    expect(keysOf(emu)[1]).toBe(`${lead}/commission/clawback/C-000001`);
  });
});
