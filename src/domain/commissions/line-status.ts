/**
 * Which ledger lines may still change: open lines (Pending, Eligible) are voided and replaced when a
 * deal changes; settled lines (Approved, Paid) are never edited, only reversed by a Clawback or
 * corrected by an Adjustment; Void lines count for nothing.
 */
import { COMMISSION_STATUS, isOneOf, type CommissionStatus } from '../../shared/statuses';
import { compareDays } from '../dates';

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
