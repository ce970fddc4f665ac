/**
 * Exports through the bundle (issue 14, item 6): a partner whose name is a full-width or hidden
 * formula and whose valid e-mail starts with "-" exports inert and unaltered in every format (the
 * accounting files of issue 18 included).
 */
import Papa from 'papaparse';
import type { FileDownload, Payout } from '../../src/shared/api';
import { formulaLike } from '../../src/domain/export/csv-cell';
import { lines, OWNER, partnerOn, tracker, wonDeal } from './commissions-fixture';

describe('payout exports are inert', () => {
  const emu = tracker();
  const name = '\u200b\uff1dHYPERLINK("http://evil.test")';
  const p = partnerOn(emu, { name: 'Ten', type: 'percent', rate: 10, holdDays: 0 }, 'Placeholder Partner');
  emu.call(OWNER, 'savePartner', {
    id: p,
    partnerName: name,
    contactEmail: '-billing@acme.test',
    type: 'Referral',
    plan: 'Ten',
  });
  wonDeal(emu, p, 1000);
  emu.call(
    OWNER,
    'approveCommissions',
    lines(emu).map((l) => l.id),
  );
  const [payout] = emu.call<Payout[]>(OWNER, 'createPayouts', '2026-03-31');
  emu.call(OWNER, 'approvePayout', payout.id);
  // payment files take Approved payouts only (issue 15): exported before the payout is marked paid
  const paymentFiles = {
    paypal: emu.call<FileDownload>(OWNER, 'exportPayouts', [payout.id], 'paypal'),
    wise: emu.call<FileDownload>(OWNER, 'exportPayouts', [payout.id], 'wise'),
  };
  emu.call(OWNER, 'markPayoutPaid', payout.id, '\uff0b000123', '2026-04-02');

  it.each(['csv', 'paypal', 'wise', 'xero', 'quickbooks'] as const)('%s', (format) => {
    const file =
      format === 'paypal' || format === 'wise'
        ? paymentFiles[format]
        : emu.call<FileDownload>(OWNER, 'exportPayouts', [payout.id], format);
    const cells = Papa.parse<string[]>(file.content, { skipEmptyLines: true }).data.flat();
    // (a QuickBooks journal entry names the partner, without an e-mail)
    if (format !== 'quickbooks') expect(cells).toContain('-billing@acme.test');
    for (const cell of cells)
      if (cell !== '-billing@acme.test' && !/^-?\d+(\.\d+)?$/.test(cell))
        expect(formulaLike(cell)).toBe(false);
    if (format !== 'paypal') expect(cells).toContain(`'${name}`);
    if (format === 'csv') expect(cells).toContain("'\uff0b000123");
  });
});
