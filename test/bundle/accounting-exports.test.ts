/** exportPayouts to Xero bills and QuickBooks Online journal entries, through the bundle. */
import Papa from 'papaparse';
import type { Payout } from '../../src/shared/api';
import { OWNER, lines, partnerOn, tracker, wonDeal } from './commissions-fixture';

test('approved payouts export as Xero bills and QuickBooks journal entries; a Draft is refused', () => {
  const emu = tracker();
  const a = partnerOn(emu, { name: 'Ten now', type: 'percent', rate: 10, holdDays: 0 }, 'Alpha Partners');
  wonDeal(emu, a, 300);
  wonDeal(emu, a, 450.5);
  emu.call(
    OWNER,
    'approveCommissions',
    lines(emu, { status: 'Eligible' }).map((l) => l.id),
  );
  const [payout] = emu.call<Payout[]>(OWNER, 'createPayouts', '2026-03-31');
  const draft = emu.measure(() => emu.call(OWNER, 'exportPayouts', [payout.id], 'xero'));
  expect(draft.error).toContain(`${payout.id} is Draft; only Approved or Paid payouts go to Xero`);
  emu.call(OWNER, 'approvePayout', payout.id);

  const xero = emu.call<{ filename: string; content: string }>(OWNER, 'exportPayouts', [payout.id], 'xero');
  const [header, bill] = Papa.parse<string[]>(xero.content.trim()).data;
  const cell = (column: string) => bill[header.indexOf(column)];
  expect([cell('*ContactName'), cell('*InvoiceNumber'), cell('*UnitAmount'), cell('Currency')]).toEqual([
    'Alpha Partners',
    payout.id,
    '75.05',
    'USD',
  ]);

  const qbo = emu.call<{ content: string }>(OWNER, 'exportPayouts', [payout.id], 'quickbooks');
  const entry = Papa.parse<string[]>(qbo.content.trim()).data.slice(1);
  expect(entry.map((r) => [r[0], r[2], r[3], r[4], r[6]])).toEqual([
    [payout.id, 'Commissions & fees', '75.05', '', 'Alpha Partners'],
    [payout.id, 'Accounts Payable (A/P)', '', '75.05', 'Alpha Partners'],
  ]);
});
