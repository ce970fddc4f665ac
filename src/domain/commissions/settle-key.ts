/**
 * The reconcile's rule for one key in one currency: the ledger lines that are not Void must sum to
 * the desired amount (0 when the line is no longer due).
 * - Pending/Eligible lines are open: if they do not make up the difference they are voided and
 *   replaced by one new line.
 * - Approved/Paid lines are settled and never edited: a line no longer due gets a negative
 *   Clawback per settled line (its key and Explanation name the line it reverses); a changed
 *   amount gets an Adjustment line for the difference. When a settled line of the key is already
 *   in an Approved or Paid payout (exported, or paid), that Adjustment is Pending and waits for a
 *   person's approval (`.../after-payout`, line-status.ts): never Eligible by itself, never a change
 *   to the locked line.
 */
import { compareDays } from '../dates';
import { formatMoney } from '../money';
import { isAdjustmentKey, isAfterPayoutKey, keys, reversedIdOf } from './keys';
import { commissionMessages as m } from './messages';
import type { DesiredLine, LedgerLine, StatusChange } from './types';
import { COMMISSION_KIND, COMMISSION_STATUS } from '../../shared/statuses';
import { isOpen, isSettled, isVoid, statusAfterHold } from './line-status';

/** The first settled line that sits in an Approved or Paid payout (a Paid line always does), or undefined. */
function lockedLine(
  settled: readonly LedgerLine[],
  lockedPayout: ((payoutId: string) => boolean) | undefined,
): LedgerLine | undefined {
  return settled.find(
    (l) => l.status === COMMISSION_STATUS.Paid || (l.payoutId !== '' && lockedPayout?.(l.payoutId) === true),
  );
}

export interface SettleInput {
  readonly key: string;
  readonly currency: string;
  /** The desired line, when it is due in this currency. */
  readonly desired: DesiredLine | undefined;
  /** Every ledger line of this key (all currencies, all statuses). */
  readonly group: readonly LedgerLine[];
  readonly asOf: string;
  readonly nextId: () => string;
  /** Whether a payout is Approved or Paid (reconcile.ts); only Paid lines are locked without it. */
  readonly lockedPayout?: (payoutId: string) => boolean;
}

export type Draft = Omit<LedgerLine, 'id' | 'status'> & { id?: string };

const total = (lines: readonly LedgerLine[]) => lines.reduce((sum, l) => sum + l.amountMinor, 0);

export function settleKey(input: SettleInput): { create: LedgerLine[]; voids: StatusChange[] } {
  const { key, currency, desired, group, asOf } = input;
  const live = group.filter((l) => l.currency === currency && !isVoid(l));
  const settled = live.filter(isSettled);
  const open = live.filter(isOpen);
  const target = desired?.amountMinor ?? 0;
  const need = target - total(settled);
  if (total(open) === need) return { create: [], voids: [] };
  const reason = target === 0 ? m.voidNoLongerDue(key) : m.voidChanged(key);
  const voids = open.map((l): StatusChange => ({
    id: l.id,
    from: l.status,
    to: COMMISSION_STATUS.Void,
    reason,
  }));
  if (need === 0) return { create: [], voids };
  const model = desired ?? settled[0] ?? open[0];
  const base = {
    leadId: model.leadId,
    partnerId: model.partnerId,
    plan: model.plan,
    currency,
    basisMinor: model.basisMinor,
  };
  const blank = { approvedBy: '', approvedOn: '', payoutId: '' };
  const drafts: Draft[] = [];
  const keyTaken = group.some((l) => l.key === key && isSettled(l));
  if (settled.length === 0 && desired && !keyTaken) {
    drafts.push({ ...desired, ...blank, kind: desired.kind });
  } else if (target === 0) {
    const reversed = new Set(settled.map((l) => reversedIdOf(l.key)).filter((id) => id !== null));
    for (const line of settled) {
      if (line.kind === COMMISSION_KIND.Clawback || reversed.has(line.id)) continue;
      drafts.push({
        ...base,
        ...blank,
        key: keys.clawback(key, line.id),
        kind: COMMISSION_KIND.Clawback,
        amountMinor: -line.amountMinor,
        earnedOn: asOf,
        eligibleOn: asOf,
        explanation: m.reverses(line.id, key),
      });
    }
  }
  const rest = need - drafts.reduce((sum, d) => sum + d.amountMinor, 0);
  if (rest !== 0) {
    const n = group.filter((l) => isAdjustmentKey(l.key)).length + 1;
    const from = formatMoney(total(settled), currency);
    const how = desired?.explanation ?? m.voidNoLongerDue(key).replace('void: ', '');
    const eligibleOn =
      rest > 0 && desired && compareDays(desired.eligibleOn, asOf) > 0 ? desired.eligibleOn : asOf;
    const locked = lockedLine(settled, input.lockedPayout);
    const explanation = m.adjusts(key, from, formatMoney(target, currency), how);
    drafts.push({
      ...base,
      ...blank,
      key: locked ? keys.afterPayoutAdjustment(key, n) : keys.adjustment(key, n),
      kind: COMMISSION_KIND.Adjustment,
      amountMinor: rest,
      earnedOn: asOf,
      eligibleOn,
      explanation: locked ? `${explanation}${m.afterPayout(locked.id, locked.payoutId)}` : explanation,
    });
  }
  const create = drafts.map((d): LedgerLine => ({
    ...d,
    id: input.nextId(),
    // an Adjustment after a payout waits for approval, Pending, whatever its hold
    status: isAfterPayoutKey(d.key) ? COMMISSION_STATUS.Pending : statusAfterHold(d.eligibleOn, asOf),
  }));
  return { create, voids };
}
