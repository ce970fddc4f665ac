/**
 * Which payouts lock their lines (Approved or Paid: approved for payment, exported or paid), for the
 * reconcile's Adjustments: the Payouts sheet is read once, and only when an Adjustment of a settled
 * line in a payout is about to be made (most passes never ask).
 */
import { LOCKING_PAYOUT_STATUSES } from '../../domain/commissions';
import { isOneOf } from '../../shared/statuses';
import type { AppContext } from '../context';

const text = (value: unknown) => String(value ?? '').trim();

export function lockedPayouts(ctx: AppContext): (payoutId: string) => boolean {
  let locked: Set<string> | null = null;
  return (payoutId) => {
    if (locked === null) {
      const found = new Set<string>();
      for (const { record } of ctx.table('payouts').rows())
        if (isOneOf(LOCKING_PAYOUT_STATUSES, text(record.status))) found.add(text(record.payoutId));
      locked = found;
    }
    return locked.has(payoutId);
  };
}
