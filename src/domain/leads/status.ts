/**
 * The lead status machine. Submitted -> Approved | Rejected | Expired; Approved -> Won | Lost |
 * Expired; Won -> Lost (a refund or churn after the fact); nothing else. Only Submitted and Approved
 * leads are protected and block other partners.
 */
import { LEAD_STATUSES, LEAD_STATUS, isOneOf, type LeadStatus } from '../../shared/statuses';
import { leadMessages } from './messages';

export { LEAD_STATUSES };

const { Submitted, Approved, Rejected, Won, Lost, Expired } = LEAD_STATUS;

export const TRANSITIONS: Readonly<Record<LeadStatus, readonly LeadStatus[]>> = {
  Submitted: [Approved, Rejected, Expired],
  Approved: [Won, Lost, Expired],
  Won: [Lost],
  Lost: [],
  Rejected: [],
  Expired: [],
};

/** Statuses under protection: they block other partners and count as the same partner's duplicate. */
export const PROTECTED_STATUSES: readonly LeadStatus[] = [Submitted, Approved];

/** Statuses a person decides (the sidebar or the sheet records who in Decided By); Expired is the clock's. */
export const DECIDED_STATUSES: readonly LeadStatus[] = [Approved, Rejected, Won, Lost];

/** Statuses that close the deal (Closed On is set). */
export const CLOSED_STATUSES: readonly LeadStatus[] = [Won, Lost];

export function isLeadStatus(value: string): value is LeadStatus {
  return isOneOf(LEAD_STATUSES, value);
}

export function isProtectedStatus(status: string): boolean {
  return isOneOf(PROTECTED_STATUSES, status);
}

/** Whether a Deal Value is entered (0 is one; blank is not). */
export function hasDealValue(dealValue: number | string | null | undefined): boolean {
  return dealValue !== undefined && dealValue !== null && String(dealValue).trim() !== '';
}

export type TransitionCheck = { ok: true } | { ok: false; message: string };

/** Whether the status machine allows `from` -> `to` (keeping the same status is allowed). */
export function isAllowedMove(from: LeadStatus, to: LeadStatus): boolean {
  return from === to || TRANSITIONS[from].includes(to);
}

/**
 * Whether a lead may go from `from` to `to`. Won needs a Deal Value (the caller sets Closed On when
 * none is given). Keeping the same status is not a transition and is allowed.
 */
export function checkTransition(
  from: string,
  to: string,
  details: { dealValue?: number | string | null; closedOn?: string | null } = {},
): TransitionCheck {
  if (!isLeadStatus(to)) return { ok: false, message: leadMessages.unknownStatus(to, LEAD_STATUSES) };
  if (!isLeadStatus(from)) return { ok: false, message: leadMessages.unknownStatus(from, LEAD_STATUSES) };
  if (!isAllowedMove(from, to)) return { ok: false, message: leadMessages.illegalTransition(from, to) };
  if (to === Won && !hasDealValue(details.dealValue))
    return { ok: false, message: leadMessages.wonNeedsDealValue() };
  return { ok: true };
}
