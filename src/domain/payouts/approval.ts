/**
 * Four eyes on money leaving: Settings > Payout Approval. "a second person": whoever approves a
 * payout must not be who created it. "anyone on the Team": any Team member may. "automatic" (the
 * default): a second person when the Team (the owner included) has two or more people.
 * Approving stamps who, when, and the payee's e-mail at that moment: a later change of the
 * partner's Contact Email does not redirect an approved payout.
 */
import { PayoutError, payoutMessages as m } from './messages';
import type { PayoutRecord } from './types';
import { PAYOUT_STATUS } from '../../shared/statuses';

export const PAYOUT_APPROVAL = {
  SecondPerson: 'a second person',
  AnyoneOnTeam: 'anyone on the Team',
  Automatic: 'automatic',
} as const;

export type ApprovalRule = 'second person' | 'anyone';

/** The rule a Settings value and the Team's size give (an unknown value reads as automatic). */
export function approvalRule(setting: unknown, teamSize: number): ApprovalRule {
  const value = String(setting ?? '')
    .trim()
    .toLowerCase();
  if (value === PAYOUT_APPROVAL.SecondPerson) return 'second person';
  if (value === PAYOUT_APPROVAL.AnyoneOnTeam.toLowerCase()) return 'anyone';
  return teamSize >= 2 ? 'second person' : 'anyone';
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export interface Approval {
  /** The approver's e-mail; '' when Apps Script did not give it. */
  readonly approver: string;
  readonly today: string;
  /** The partner's Contact Email now. */
  readonly payeeEmail: string;
  readonly rule: ApprovalRule;
}

export function approvePayout(payout: PayoutRecord, approval: Approval): PayoutRecord {
  if (payout.status !== PAYOUT_STATUS.Draft)
    throw new PayoutError(m.alreadyApproved(payout.id, payout.status));
  const creator = payout.createdBy ?? '';
  if (approval.rule === 'second person') {
    if (approval.approver === '') throw new PayoutError(m.approverUnknown(payout.id));
    if (creator !== '' && same(creator, approval.approver))
      throw new PayoutError(m.secondPerson(payout.id, creator));
  }
  return {
    ...payout,
    status: PAYOUT_STATUS.Approved,
    approvedBy: approval.approver,
    approvedOn: approval.today,
    payeeEmail: approval.payeeEmail.trim(),
  };
}
