/**
 * Which ledger lines may still change: open lines (Pending, Eligible) are voided and replaced when a
 * deal changes; settled lines (Approved, Paid) are never edited, only reversed by a Clawback or
 * corrected by an Adjustment; Void lines count for nothing.
 */
import {
  COMMISSION_KIND,
  COMMISSION_STATUS,
  PAYOUT_STATUS,
  isOneOf,
  type CommissionStatus,
  type PayoutStatus,
} from '../../shared/statuses';
import { compareDays } from '../dates';
import { isAfterPayoutKey } from './keys';

const { Pending, Eligible, Approved, Paid, Void } = COMMISSION_STATUS;

export const OPEN_STATUSES: readonly CommissionStatus[] = [Pending, Eligible];
export const SETTLED_STATUSES: readonly CommissionStatus[] = [Approved, Paid];

export const isOpen = (line: { status: string }): boolean => isOneOf(OPEN_STATUSES, line.status);
export const isSettled = (line: { status: string }): boolean => isOneOf(SETTLED_STATUSES, line.status);
export const isVoid = (line: { status: string }): boolean => line.status === Void;

/** A new line's status: Eligible once its hold has ended by `asOf`, Pending before. */
export function statusAfterHold(eligibleOn: string, asOf: string): CommissionStatus {
  return compareDays(eligibleOn, asOf) <= 0 ? Eligible : Pending;
}

/** A payout in one of these has been approved for payment (and may be exported or paid): its lines are locked. */
export const LOCKING_PAYOUT_STATUSES: readonly PayoutStatus[] = [PAYOUT_STATUS.Approved, PAYOUT_STATUS.Paid];

/**
 * An Adjustment of a line already in an Approved or Paid payout: a line of its own that needs a
 * person's approval before it can be paid. It is never made Eligible by the passing of its hold.
 */
export function awaitsApproval(line: { kind: string; key: string; status: string }): boolean {
  return line.kind === COMMISSION_KIND.Adjustment && isAfterPayoutKey(line.key) && line.status === Pending;
}

/** A Pending line the passing of time makes Eligible by `asOf` (never one that awaits approval). */
export function becomesEligible(
  line: { kind: string; key: string; status: string; eligibleOn: string },
  asOf: string,
): boolean {
  return line.status === Pending && !awaitsApproval(line) && compareDays(line.eligibleOn, asOf) <= 0;
}
