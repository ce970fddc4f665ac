/**
 * An adjustment that touches a line already in an Approved (exported) or Paid payout, through the
 * bundle: the locked line is never changed; the difference is a separate Adjustment line, Pending,
 * that waits for a person's approval (never Eligible by itself, whatever its hold), and only then
 * goes into a payout. A line in a Draft payout is not locked: its Adjustment is an ordinary one.
 */
import type { Commission, Payout } from '../../src/shared/api';
import type { Emulator } from '../../emulator/harness';
import { runHourly } from '../support/emulator';
import { OWNER, cellOf, lines, partnerOn, rowOf, tracker, wonDeal } from './commissions-fixture';

/** Alpha on "Gold" (10%, no hold), a 1,000.00 USD deal approved, in payout PO-0001 (Draft). */
function inPayout() {
  const emu = tracker(); // 2026-03-02
  const a = partnerOn(emu, { name: 'Gold', type: 'percent', rate: 10, holdDays: 0 }, 'Alpha');
  const lead = wonDeal(emu, a, 1000, 'USD', '2026-03-02'); // 10% of 1,000.00 = 100.00
  emu.call(OWNER, 'approveCommissions', [lines(emu)[0].id]);
  const [payout] = emu.call<Payout[]>(OWNER, 'createPayouts', '2026-03-31');
  return { emu, a, lead, payout };
}

/** The owner changes the plan's Rate in the Plans sheet by hand (the version in force for the deal). */
function editRate(emu: Emulator, rate: number) {
  const outcome = emu.edit(OWNER, 'Plans', cellOf(emu, 'Plans', 'PL-001', 'Rate'), [[rate]]);
  if (!outcome.ok) throw new Error(outcome.reason);
}

const shown = (l: Commission) => [l.id, l.kind, l.amount, l.status, l.payoutId, l.awaitingApproval ?? false];

describe('an adjustment of a line already in an approved, exported or paid payout', () => {
  it('a rate change in Plans after the payout is exported: the exported line untouched, a Pending Adjustment needs approval', () => {
    const { emu, lead } = inPayout();
    emu.call(OWNER, 'approvePayout', 'PO-0001');
    emu.call(OWNER, 'exportPayouts', ['PO-0001'], 'paypal');
    const lockedRow = rowOf(emu, 'Commissions', 'C-000001');

    editRate(emu, 25); // 25% of 1,000.00 = 250.00: 150.00 more
    emu.call(OWNER, 'runCommissions');
    expect(lines(emu).map(shown)).toEqual([
      ['C-000001', 'Commission', 100, 'Approved', 'PO-0001', false],
      ['C-000002', 'Adjustment', 150, 'Pending', '', true],
    ]);
    expect(rowOf(emu, 'Commissions', 'C-000001')).toEqual(lockedRow);
    const adjustment = rowOf(emu, 'Commissions', 'C-000002');
    expect(adjustment.Key).toBe(`${lead}/commission/adjustment/1/after-payout`);
    expect(adjustment.Explanation).toBe(
      `adjusts ${lead}/commission from 100.00 USD to 250.00 USD: 25% of 1,000.00 USD; ` +
        'C-000001 is already in payout PO-0001: needs approval before it is paid',
    );
    // the payout itself is untouched: its Amount, its lines, its export
    expect(rowOf(emu, 'Payouts', 'PO-0001')).toMatchObject({ Amount: 100, Lines: 1, Status: 'Approved' });

    // never Eligible by itself: days pass, runs come, it still waits
    emu.advance('P40D');
    runHourly(emu); // the daily run's commission job: only what the passing of time does
    expect(lines(emu).map(shown)[1]).toEqual(['C-000002', 'Adjustment', 150, 'Pending', '', true]);
    emu.call(OWNER, 'runCommissions'); // the full reconcile
    expect(lines(emu).map(shown)[1]).toEqual(['C-000002', 'Adjustment', 150, 'Pending', '', true]);
    // nor is it put in a payout before it is approved
    expect(emu.call<Payout[]>(OWNER, 'createPayouts', '2026-04-30')).toEqual([]);

    // a person approves it: it is paid by the next payout, on its own line
    emu.call(OWNER, 'approveCommissions', ['C-000002']);
    expect(lines(emu).map(shown)[1]).toEqual(['C-000002', 'Adjustment', 150, 'Approved', '', false]);
    const [next] = emu.call<Payout[]>(OWNER, 'createPayouts', '2026-04-30');
    expect(next).toMatchObject({ id: 'PO-0002', amount: 150, lines: 1 });
    // nothing left to correct
    expect(emu.call(OWNER, 'runCommissions')).toMatchObject({ created: 0, voided: 0 });
  });

  it('a Paid line: a lower rate gives a negative Adjustment awaiting approval, never paid out on its own', () => {
    const { emu } = inPayout();
    emu.call(OWNER, 'approvePayout', 'PO-0001');
    emu.call(OWNER, 'markPayoutPaid', 'PO-0001', 'BANK-1', '2026-03-02');
    editRate(emu, 4); // 4% of 1,000.00 = 40.00: 60.00 less
    emu.call(OWNER, 'runCommissions');
    expect(lines(emu).map(shown)).toEqual([
      ['C-000001', 'Commission', 100, 'Paid', 'PO-0001', false],
      ['C-000002', 'Adjustment', -60, 'Pending', '', true],
    ]);
    emu.call(OWNER, 'approveCommissions', ['C-000002']);
    // alone it is not a positive amount to pay: carried over, no payout
    expect(emu.call<Payout[]>(OWNER, 'createPayouts', '2026-03-31')).toEqual([]);
  });

  it('rejected, it is never made again (the locked line stays as paid)', () => {
    const { emu } = inPayout();
    emu.call(OWNER, 'approvePayout', 'PO-0001');
    editRate(emu, 25);
    emu.call(OWNER, 'runCommissions');
    emu.call(OWNER, 'rejectCommissions', ['C-000002'], 'rate changed by mistake');
    expect(emu.call(OWNER, 'runCommissions')).toMatchObject({ created: 0 });
    expect(lines(emu).map((l) => [l.id, l.amount, l.status])).toEqual([
      ['C-000001', 100, 'Approved'],
      ['C-000002', 150, 'Void'],
    ]);
  });

  it('a line in a Draft payout is not locked: its Adjustment is an ordinary one, Eligible after its hold', () => {
    const { emu } = inPayout();
    editRate(emu, 25);
    emu.call(OWNER, 'runCommissions');
    expect(lines(emu).map(shown)).toEqual([
      ['C-000001', 'Commission', 100, 'Approved', 'PO-0001', false],
      ['C-000002', 'Adjustment', 150, 'Eligible', '', false],
    ]);
    expect(rowOf(emu, 'Commissions', 'C-000002').Key).toMatch(/\/commission\/adjustment\/1$/);
  });
});
