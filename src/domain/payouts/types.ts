/** Payouts inside the core: amounts in minor units, the lines they pay listed by id. */
import type { PayoutStatus } from '../../shared/api';

export type { PayoutStatus };

export interface PayoutRecord {
  readonly id: string;
  readonly partnerId: string;
  readonly partnerName: string;
  readonly currency: string;
  readonly amountMinor: number;
  readonly lineIds: readonly string[];
  readonly period: string;
  /** '' when the Status cell is empty (a payout made by hand). */
  readonly status: PayoutStatus | '';
  readonly createdOn: string;
  readonly paidOn: string;
  readonly reference: string;
  /** Who created it (Created By); '' or absent for a payout made before it was recorded. */
  readonly createdBy?: string;
  /** Who approved it, and the day (stamped by approvePayout). */
  readonly approvedBy?: string;
  readonly approvedOn?: string;
  /** The partner's Contact Email when it was approved: the payment files pay this address. */
  readonly payeeEmail?: string;
}

export interface PayoutPartner {
  readonly id: string;
  readonly partnerName: string;
  readonly contactEmail: string;
}
