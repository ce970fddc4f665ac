/** listCommissions(filter): the ledger as plain data (major units, ISO days), newest last. */
import type { Commission, CommissionFilter, CommissionPageQuery, Page } from '../../shared/api';
import { matchesWords, pageOf, pageWindow } from '../../shared/paging';
import { fail } from '../user-error';
import { toMajor } from '../../domain/money';
import { awaitsApproval, type LedgerLine } from '../../domain/commissions';
import type { AppContext } from '../context';
import { openLedger, readLedger } from './ledger-table';
import { readLedgerIndex, type LedgerEntry } from '../../sheets/ledger-index';
import { readLedgerRows } from '../../sheets/ledger-tables';
import { COMMISSION_KINDS, COMMISSION_STATUSES, isOneOf, readStatus } from '../../shared/statuses';

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
  const indexed = window.words.length ? null : pageByIndex(ctx, query, window);
  if (indexed) return indexed;
  const lines = listCommissions(ctx, { status: query.status, partnerId: query.partnerId }).filter((c) =>
    matchesWords(window.words, [c.id, c.leadId, c.partnerId, c.plan, c.explanation]),
  );
  return pageOf(lines, window);
}

/** An entry's Status as readLedger reads it ('' when empty), null when it is not one of the tracker's. */
/**
 * A page without search words from the ledger index (sheets/ledger-index.ts): the lines matching
 * status and partner chosen from it, only the page's rows read. Null (the caller reads the whole
 * ledger) when the index cannot serve, a Status or Kind is not the tracker's (the full read names
 * it), or a row read is not the line the index says.
 */
function pageByIndex(
  ctx: AppContext,
  query: CommissionPageQuery,
  window: { offset: number; limit: number },
): Page<Commission> | null {
  if (ctx.isOpen('commissions')) return null;
  const index = readLedgerIndex(ctx.doc);
  if (!index) return null;
  const statuses = query.status === undefined ? null : [query.status].flat();
  const partnerId = query.partnerId?.trim() || null;
  const matching: LedgerEntry[] = [];
  for (const entry of index.entries) {
    const status = readStatus(COMMISSION_STATUSES, entry[4], '');
    if (!status.ok || !readStatus(COMMISSION_KINDS, entry[5], '').ok) return null;
    if (
      (statuses === null || isOneOf(statuses, status.status ?? '')) &&
      (!partnerId || entry[2] === partnerId)
    )
      matching.push(entry);
  }
  const page = pageOf(matching, window);
  const table = readLedgerRows(ctx.doc, page.items, index.last);
  if (!table) return null;
  const byRow = new Map(readLedger(table, ctx.doc.days()).map((l) => [l.row, l.line]));
  const lines = page.items.map((e) => byRow.get(e[0]));
  if (lines.some((l) => !l)) return null;
  return { ...page, items: lines.map((l) => toCommission(l!)) };
}
