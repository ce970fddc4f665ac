/**
 * Payouts through the bundle: Approved eligible lines grouped per partner and currency, the Settings
 * minimum carried over, a payout's amount equal to its lines, approve and pay (lines Paid), exports
 * in each format's columns.
 */
import Papa from 'papaparse';
import type { Payout } from '../../src/shared/api';
import { OWNER, lines, partnerOn, rowOf, tracker, wonDeal } from './commissions-fixture';
import type { Emulator } from '../../emulator/harness';

function approveAll(emu: Emulator): void {
  const ids = lines(emu, { status: 'Eligible' }).map((l) => l.id);
  emu.call(OWNER, 'approveCommissions', ids);
}

function setup() {
  const emu = tracker();
  const plan = { name: 'Ten now', type: 'percent' as const, rate: 10, holdDays: 0 };
  const a = partnerOn(emu, plan, 'Alpha Partners');
  const b = partnerOn(emu, 'Ten now', 'Beta Partners');
  wonDeal(emu, a, 300); // 30.00 USD
  wonDeal(emu, a, 450.5); // 45.05 USD
  wonDeal(emu, a, 1000, 'JPY'); // 100 JPY
  wonDeal(emu, b, 400); // 40.00 USD: under the 50 minimum
  approveAll(emu);
  return { emu, a, b };
}

describe('createPayouts', () => {
  it('groups per partner and currency; a payout is the sum of its lines; under the minimum carries over', () => {
    const { emu, a, b } = setup();
    const created = emu.call<Payout[]>(OWNER, 'createPayouts', '2026-03-31');
    expect(created.map((p) => [p.id, p.partnerId, p.currency, p.amount, p.lines, p.status])).toEqual([
      ['PO-0001', a, 'JPY', 100, 1, 'Draft'],
      ['PO-0002', a, 'USD', 75.05, 2, 'Draft'],
    ]);
    const mine = lines(emu).filter((l) => l.payoutId === 'PO-0002');
    expect(mine.map((l) => l.amount)).toEqual([30, 45.05]);
    expect(rowOf(emu, 'Payouts', 'PO-0002')).toMatchObject({
      Amount: 75.05,
      Lines: 2,
      'Partner Name': 'Alpha Partners',
    });
    // Beta's 40.00 USD is under the 50 minimum: carried over, not on a payout
    expect(
      lines(emu)
        .filter((l) => l.partnerId === b)
        .map((l) => l.payoutId),
    ).toEqual(['']);
    // another 20.00 USD brings Beta to 60.00: paid on the next run with the carried line
    wonDeal(emu, b, 200);
    approveAll(emu);
    const next = emu.call<Payout[]>(OWNER, 'createPayouts', '2026-03-31');
    expect(next.map((p) => [p.id, p.partnerId, p.amount, p.lines])).toEqual([['PO-0003', b, 60, 2]]);
    expect(emu.call<Payout[]>(OWNER, 'createPayouts', '2026-03-31')).toEqual([]);
  });

  it('approve, then mark paid: the payout and its lines are Paid with the reference', () => {
    const { emu } = setup();
    emu.call(OWNER, 'createPayouts', '2026-03-31');
    expect(emu.measure(() => emu.call(OWNER, 'markPayoutPaid', 'PO-0002', 'W-1', '2026-03-05')).error).toBe(
      'PO-0002 is Draft; approve it before marking it paid',
    );
    expect(emu.call<Payout>(OWNER, 'approvePayout', 'PO-0002').status).toBe('Approved');
    const paid = emu.call<Payout>(OWNER, 'markPayoutPaid', 'PO-0002', 'W-1', '2026-03-05');
    expect(paid).toMatchObject({ status: 'Paid', reference: 'W-1', paidOn: '2026-03-05', amount: 75.05 });
    expect(
      lines(emu)
        .filter((l) => l.payoutId === 'PO-0002')
        .map((l) => l.status),
    ).toEqual(['Paid', 'Paid']);
    expect(emu.call<Payout[]>(OWNER, 'listPayouts').map((p) => [p.id, p.status])).toEqual([
      ['PO-0001', 'Draft'],
      ['PO-0002', 'Paid'],
    ]);
  });

  it("refuses to approve a payout whose amount no longer equals its lines' sum", () => {
    const { emu } = setup();
    emu.call(OWNER, 'createPayouts', '2026-03-31');
    const sheet = emu.rt.uncounted(() => emu.spreadsheet.getSheetByName('Payouts')!);
    emu.rt.uncounted(() => sheet.getRange('E3').setValue(80));
    expect(emu.measure(() => emu.call(OWNER, 'approvePayout', 'PO-0002')).error).toBe(
      'PO-0002 is 80.00 USD but its lines sum to 75.05 USD; recreate the payout',
    );
  });
});

describe('exportPayouts', () => {
  it('csv: the generic columns; paypal: no header, email/amount/currency/id/note/PAYPAL; wise: its template', () => {
    const { emu } = setup();
    emu.call(OWNER, 'createPayouts', '2026-03-31');
    const csv = emu.call<{ filename: string; mimeType: string; content: string }>(
      OWNER,
      'exportPayouts',
      ['PO-0002'],
      'csv',
    );
    expect(csv).toMatchObject({ filename: 'payouts-csv-PO-0002.csv', mimeType: 'text/csv' });
    const generic = Papa.parse<string[]>(csv.content.trim()).data;
    expect(generic[0]).toEqual([
      'Payout ID',
      'Partner ID',
      'Partner Name',
      'Contact Email',
      'Currency',
      'Amount',
      'Lines',
      'Period',
      'Status',
      'Created On',
      'Paid On',
      'Reference',
    ]);
    expect(generic[1].slice(0, 7)).toEqual([
      'PO-0002',
      'P-0001',
      'Alpha Partners',
      'alpha.partners@partner.test',
      'USD',
      '75.05',
      '2',
    ]);

    // payment files hold Approved payouts only
    emu.call(OWNER, 'approvePayout', 'PO-0001');
    emu.call(OWNER, 'approvePayout', 'PO-0002');
    const paypal = emu.call<{ content: string }>(OWNER, 'exportPayouts', ['PO-0002'], 'paypal');
    expect(Papa.parse<string[]>(paypal.content.trim()).data).toEqual([
      [
        'alpha.partners@partner.test',
        '75.05',
        'USD',
        'PO-0002',
        'Partner commission PO-0002, 2026-03-02 to 2026-03-31',
        'PAYPAL',
      ],
    ]);

    const wise = emu.call<{ content: string }>(OWNER, 'exportPayouts', ['PO-0001', 'PO-0002'], 'wise');
    expect(Papa.parse<string[]>(wise.content.trim()).data).toEqual([
      [
        'name',
        'recipientEmail',
        'paymentReference',
        'receiverType',
        'amountCurrency',
        'amount',
        'sourceCurrency',
        'targetCurrency',
      ],
      ['Alpha Partners', 'alpha.partners@partner.test', 'PO-0001', 'BUSINESS', 'target', '100', 'JPY', 'JPY'],
      [
        'Alpha Partners',
        'alpha.partners@partner.test',
        'PO-0002',
        'BUSINESS',
        'target',
        '75.05',
        'USD',
        'USD',
      ],
    ]);
  });

  it('refuses a PayPal file mixing currencies and an unknown payout', () => {
    const { emu } = setup();
    emu.call(OWNER, 'createPayouts', '2026-03-31');
    emu.call(OWNER, 'approvePayout', 'PO-0001');
    emu.call(OWNER, 'approvePayout', 'PO-0002');
    expect(
      emu.measure(() => emu.call(OWNER, 'exportPayouts', ['PO-0001', 'PO-0002'], 'paypal')).error,
    ).toMatch(/one currency/);
    expect(emu.measure(() => emu.call(OWNER, 'exportPayouts', ['PO-0009'], 'csv')).error).toBe(
      'No payout PO-0009',
    );
  });
});
