/** listCommissions(filter): the ledger as plain data (major units, ISO days), newest last. */
import type { Commission, CommissionFilter, CommissionPageQuery, Page } from '../../shared/api';
import { matchesWords, pageOf, pageWindow } from '../../shared/paging';
import { fail } from '../user-error';
import { toMajor } from '../../domain/money';
import { awaitsApproval, type LedgerLine } from '../../domain/commissions';
import type { AppContext } from '../context';
import { openLedger, readLedger } from './ledger-table';
import { isOneOf } from '../../shared/statuses';

const major = (minor: number | null, currency: string) => {
  if (minor === null) return null;
  try {
    return toMajor(minor, currency);
  } catch {
    return null;
  }
};

export function toCommission(line: LedgerLine): Commission {
  return {
    id: line.id,
    leadId: line.leadId,
    partnerId: line.partnerId,
    plan: line.plan,
    kind: line.kind,
    basis: major(line.basisMinor, line.currency),
    currency: line.currency,
    amount: major(line.amountMinor, line.currency) ?? 0,
    status: line.status,
    earnedOn: line.earnedOn,
    eligibleOn: line.eligibleOn,
    approvedBy: line.approvedBy,
    approvedOn: line.approvedOn,
    payoutId: line.payoutId,
    explanation: line.explanation,
    ...(awaitsApproval(line) && { awaitingApproval: true }),
  };
}

export function listCommissions(ctx: AppContext, filter: CommissionFilter = {}): Commission[] {
  const statuses = filter?.status === undefined ? null : [filter.status].flat();
  const partnerId = filter?.partnerId?.trim() || null;
  return readLedger(openLedger(ctx), ctx.doc.days())
    .map((l) => l.line)
    .filter(
      (l) => (statuses === null || isOneOf(statuses, l.status)) && (!partnerId || l.partnerId === partnerId),
    )
    .map(toCommission);
}

/**
 * pageCommissions: one page of the ledger lines a status, partner and search (id, lead, partner,
 * plan, explanation) match, in ledger order.
 */
export function pageCommissions(ctx: AppContext, query: CommissionPageQuery = {}): Page<Commission> {
  const window = pageWindow(query);
  if ('error' in window) fail(window.error);
  const lines = listCommissions(ctx, { status: query.status, partnerId: query.partnerId }).filter((c) =>
    matchesWords(window.words, [c.id, c.leadId, c.partnerId, c.plan, c.explanation]),
  );
  return pageOf(lines, window);
}
