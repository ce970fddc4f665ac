/** A compact way to write a column definition: key, header, note, then what differs from plain text. */
import type { ColumnDef } from '../schema-types';

export function col(key: string, header: string, note: string, extra: Partial<ColumnDef> = {}): ColumnDef {
  return { key, header, note, width: 140, format: 'text', ...extra };
}

export const idCol = (key: string, header: string, what: string): ColumnDef =>
  col(key, header, `${what} id, given by the tracker. Do not edit.`, { width: 100, protected: true });

export const PARTNER_STATUSES = ['Active', 'Paused', 'Terminated'] as const;
export const LEAD_STATUSES = ['Submitted', 'Approved', 'Rejected', 'Won', 'Lost', 'Expired'] as const;
export const COMMISSION_KINDS = ['Commission', 'Bonus', 'Clawback', 'Adjustment'] as const;
export const COMMISSION_STATUSES = ['Pending', 'Eligible', 'Approved', 'Paid', 'Void'] as const;
export const PAYOUT_STATUSES = ['Draft', 'Approved', 'Paid'] as const;
export const PLAN_TYPES = ['percent', 'flat', 'tiered', 'recurring'] as const;
