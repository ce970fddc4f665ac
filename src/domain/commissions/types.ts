/** The data the commission engine reads and writes: deals in, ledger lines out. Amounts in minor units. */
import type { CommissionKind, CommissionStatus } from '../../shared/api';
import type { COMMISSION_KIND, LeadStatus } from '../../shared/statuses';

export type { CommissionKind, CommissionStatus };

/** What a plan earns: a commission or a bonus (clawbacks and adjustments are the reconcile's). */
export type EarnedKind = typeof COMMISSION_KIND.Commission | typeof COMMISSION_KIND.Bonus;

export interface Deal {
  readonly leadId: string;
  readonly partnerId: string;
  readonly currency: string;
  /** The won value (for recurring plans, the monthly value); null when not entered yet. */
  readonly dealValueMinor: number | null;
  /** ISO day; '' when not closed. */
  readonly closedOn: string;
  /** '' when the lead's Status cell holds no lead status. */
  readonly status: LeadStatus | '';
}

export interface PartnerPlanRef {
  readonly id: string;
  /** The Partners sheet's Plan column: a plan's name or its Plan ID. */
  readonly plan: string;
}

export interface CommissionSettings {
  /** Hold days for plans that give none (Settings, 30 by default). */
  readonly defaultHoldDays: number;
}

/** A line the plans and deals imply today; its key identifies it across runs. */
export interface DesiredLine {
  readonly key: string;
  readonly leadId: string;
  readonly partnerId: string;
  readonly plan: string;
  readonly kind: EarnedKind;
  readonly currency: string;
  readonly amountMinor: number;
  readonly basisMinor: number | null;
  readonly earnedOn: string;
  readonly eligibleOn: string;
  readonly explanation: string;
}

/** A deal that earns nothing for a reason a person must fix (never a silent zero). */
export interface Flag {
  readonly leadId: string;
  readonly reason: string;
}

/** A row of the Commissions sheet, as the app layer reads it (key from the Key column). */
export interface LedgerLine {
  readonly id: string;
  readonly key: string;
  readonly leadId: string;
  readonly partnerId: string;
  readonly plan: string;
  /** '' when the Kind cell is empty (a line made by hand). */
  readonly kind: CommissionKind | '';
  readonly basisMinor: number | null;
  readonly currency: string;
  readonly amountMinor: number;
  /** '' when the Status cell is empty (a line made by hand). */
  readonly status: CommissionStatus | '';
  readonly earnedOn: string;
  readonly eligibleOn: string;
  readonly approvedBy: string;
  readonly approvedOn: string;
  readonly payoutId: string;
  readonly explanation: string;
}

/** A status transition of an existing line (with the reason a Void carries). */
export interface StatusChange {
  readonly id: string;
  readonly from: CommissionStatus | '';
  readonly to: CommissionStatus;
  readonly reason?: string;
  /** Set when the line's key changes with its status (a rejected line: `<key>/rejected`). */
  readonly key?: string;
  readonly approvedBy?: string;
  readonly approvedOn?: string;
}
