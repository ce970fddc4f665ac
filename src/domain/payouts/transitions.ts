/** Payout status: Draft -> Approved (approval.ts) -> Paid. Paying marks the payout's lines Paid. Errors throw PayoutError. */
import type { LedgerLine, StatusChange } from '../commissions';
import { formatMoney, sumMinor } from '../money';
import { PayoutError, payoutMessages as m } from './messages';
import type { PayoutRecord } from './types';
import { COMMISSION_STATUS, PAYOUT_STATUS } from '../../shared/statuses';

export function markPayoutPaid(input: {
  payout: PayoutRecord;
  lines: readonly LedgerLine[];
  reference: string;
  paidOn: string;
}): { payout: PayoutRecord; lineChanges: StatusChange[] } {
  const { payout, reference, paidOn } = input;
  if (payout.status === PAYOUT_STATUS.Draft) throw new PayoutError(m.approveFirst(payout.id));
  if (payout.status === PAYOUT_STATUS.Paid) throw new PayoutError(m.alreadyPaid(payout.id));
  if (reference.trim() === '') throw new PayoutError(m.referenceRequired(payout.id));
  if (paidOn === '') throw new PayoutError(m.paidOnRequired(payout.id));
  const lines = input.lines.filter((l) => l.payoutId === payout.id);
  const total = sumMinor(lines.map((l) => l.amountMinor));
  if (total !== payout.amountMinor || lines.some((l) => l.currency !== payout.currency)) {
    throw new PayoutError(
      m.amountMismatch(
        payout.id,
        formatMoney(payout.amountMinor, payout.currency),
        formatMoney(total, payout.currency),
      ),
    );
  }
  const notApproved = lines.find((l) => l.status !== COMMISSION_STATUS.Approved);
  if (notApproved) throw new PayoutError(m.lineNotApproved(payout.id, notApproved.id, notApproved.status));
  return {
    payout: { ...payout, status: PAYOUT_STATUS.Paid, reference: reference.trim(), paidOn },
    lineChanges: lines.map((l) => ({
      id: l.id,
      from: COMMISSION_STATUS.Approved,
      to: COMMISSION_STATUS.Paid,
    })),
  };
}
