/**
 * What a payout must be before it leaves as a file: a payment file (PayPal, Wise) holds Approved
 * payouts only (an accounting file, Xero or QuickBooks, Approved or Paid ones); every exported amount is the sum of the payout's lines and equals its Amount cell
 * (a hand edit of the cell, or of a line, refuses the export naming both figures).
 */
import type { LedgerLine } from '../commissions';
import { formatMoney, sumMinor } from '../money';
import { PayoutError, payoutMessages as m } from './messages';
import type { PayoutRecord } from './types';
import type { PayoutExportFormat } from '../../shared/api';
import { PAYOUT_STATUS } from '../../shared/statuses';

/** "75.05 USD", or the raw figure when the cell's currency or amount cannot be read. */
function shown(minor: number, currency: string): string {
  try {
    return formatMoney(minor, currency);
  } catch {
    return `${Number.isFinite(minor) ? minor : 'no amount'} ${currency}`.trim();
  }
}

/** Every problem of the selection, one line each; [] when it may be exported in `format`. */
export function exportProblems(
  payouts: readonly PayoutRecord[],
  lines: readonly LedgerLine[],
  format: PayoutExportFormat,
): string[] {
  const problems: string[] = [];
  // Accounting files (Xero, QuickBooks) record what is owed, Approved or Paid: their own check
  // (export-xero.ts owedPayouts) says so; the sum check below applies to them too.
  const payment = format === 'paypal' || format === 'wise';
  for (const payout of payouts) {
    if (payment && payout.status !== PAYOUT_STATUS.Approved)
      problems.push(m.notPayable(payout.id, payout.status));
    const mine = lines.filter((l) => l.payoutId === payout.id);
    const total = sumMinor(mine.map((l) => l.amountMinor));
    const otherCurrency = mine.some((l) => l.currency !== payout.currency);
    if (!Number.isSafeInteger(payout.amountMinor) || total !== payout.amountMinor || otherCurrency) {
      problems.push(
        m.exportMismatch(
          payout.id,
          shown(payout.amountMinor, payout.currency),
          shown(total, payout.currency),
        ),
      );
    }
  }
  return problems;
}

export function assertExportable(
  payouts: readonly PayoutRecord[],
  lines: readonly LedgerLine[],
  format: PayoutExportFormat,
): void {
  const problems = exportProblems(payouts, lines, format);
  if (problems.length) throw new PayoutError(problems.join('\n'));
}
