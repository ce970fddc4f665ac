/**
 * The reconcile pass: the ledger the deals and plans imply today (desiredLedger) against the
 * Commissions sheet, applying ONLY the difference (reconcile, keyed by the Key column). The caller
 * holds the context; this takes the document lock before reading, so two executions never both
 * append the same key.
 *
 * A pass may be narrowed to some partners (`LedgerScope`: closeLead and a person's edit of a deal):
 * their deals' desired lines against their ledger lines only (plus every line sharing a key with
 * them), which is exactly what the full pass would do for those lines; other partners' lines (a hold
 * that ended, say) are left to the next full pass (runCommissions, the daily run). Ids are still
 * allocated from the whole ledger.
 */
import { desiredLedger, reconcile, type Flag } from '../../domain/commissions';
import { idSequence } from '../../domain/ids';
import type { Table } from '../../sheets/table';
import type { AppContext } from '../context';
import { writeFlagNotes } from './flag-notes';
import { defaultHoldDays, exchangeTable, readEngineInputs, type DealRow } from './inputs';
import { recordReconcile } from './ledger-state';
import { lockedPayouts } from './locked-payouts';
import {
  appendLines,
  applyStatusChanges,
  commissionIds,
  formatMoneyColumns,
  ledgerIndexEntries,
  readLedger,
} from './ledger-table';
import { COMMISSION_STATUS, LEAD_STATUS } from '../../shared/statuses';
import { ledgerIndexDue, stageLedgerIndex } from '../../sheets/ledger-index';
import { ledgerIndexMatches, restageLedgerIndex } from './ledger-index-upkeep';
import { openScopedLedger, scopedLines, type LedgerScope } from './scoped-ledger';
import { openLedger } from './ledger-table';
import { partnersWithDeals } from '../../sheets/lead-tables';

export interface SyncResult {
  created: number;
  voided: number;
  eligible: number;
  flagged: string[];
  /** Every Won deal that earns nothing for a reason a person must fix (no exchange rate, no plan...). */
  notComputed: Flag[];
}

/** The partners a narrowed pass reconciles, and leads whose lines it takes whatever their partner. */
export type { LedgerScope };

const text = (value: unknown) => String(value ?? '').trim();

/**
 * Stages the ledger changes in ctx's tables for the context's commit (closeLead and the edit
 * reaction commit once), after giving the new rows their number formats and the flagged deals their
 * notes (presentation, not audited values). Every partner, or only those of `scope`.
 */
export function stageLedgerSync(ctx: AppContext, scope?: LedgerScope): SyncResult {
  const { result, nextClose } = stagePass(ctx, scope);
  recordReconcile(ctx.doc, { full: !scope, asOf: ctx.doc.days().dayOf(ctx.now), nextClose });
  return result;
}

/**
 * The pass staged (stageLedgerSync without recording it: a slice of the full reconcile records the
 * whole when its last slice is done, reconcile-slices.ts); with the earliest close day to come of its
 * deals. `read`: the ledger index when the caller read it, and the row reads the pass may make.
 */
export function stagePass(
  ctx: AppContext,
  scope?: LedgerScope,
  read: Parameters<typeof openScopedLedger>[3] = {},
  /**
   * The hourly run's slices (their calls per execution): when lines whose hold ended become Eligible
   * AND the pass also voids or creates lines, only the eligibility is staged (`partial`: one block of
   * status cells); the pass run again finds only the rest (new rows, their formats, the voids).
   */
  eligibilityFirst = false,
): { result: SyncResult; nextClose: string | null; partial?: boolean } {
  const days = ctx.doc.days();
  const asOf = days.dayOf(ctx.now);
  const leads = ctx.table('leads');
  // A Leads table with only some rows read must hold every deal of the partners reconciled.
  const withDeals = partnersWithDeals(leads);
  if (withDeals && (!scope || [...scope.partners].some((p) => !withDeals.has(p))))
    throw new Error('The ledger pass needs every deal of its partners: Leads was opened without them.');
  const inputs = readEngineInputs(ctx, days);
  const deals = scope ? inputs.deals.filter((d) => scope.partners.has(d.deal.partnerId)) : inputs.deals;
  const desired = desiredLedger({
    deals: deals.map((d) => d.deal),
    partners: inputs.partners,
    plans: inputs.plans,
    settings: { defaultHoldDays: defaultHoldDays(inputs.settings) },
    asOf,
    exchange: exchangeTable(inputs.settings),
  });
  const desiredKeys = desired.lines.map((l) => l.key);
  // A narrowed pass reads only its lines through the ledger index when it can, else the whole ledger.
  const ids = scope ? openScopedLedger(ctx, scope, desiredKeys, read) : null;
  const table = ctx.isOpen('commissions') ? ctx.table('commissions') : openLedger(ctx);
  const ledger = readLedger(table, days);
  const indexHolds = !scope && ledgerIndexMatches(ctx.doc, table);
  const lines = scope ? scopedLines(ledger, (l) => l.line, desiredKeys, scope) : ledger;
  const { create, statusChanges, summary } = reconcile({
    ledger: lines.map((l) => l.line),
    desired: desired.lines,
    asOf,
    nextId: ids ? idSequence('commission', ids) : commissionIds(ledger),
    lockedPayout: lockedPayouts(ctx),
  });
  const eligible = statusChanges.filter(
    (c) => c.from === COMMISSION_STATUS.Pending && c.to === COMMISSION_STATUS.Eligible,
  );
  if (eligibilityFirst && eligible.length && eligible.length < statusChanges.length + create.length) {
    applyStatusChanges(table, lines, eligible, days);
    if (scope && ids && read.index) restageLedgerIndex(ctx.doc, read.index, table);
    return {
      result: { created: 0, voided: 0, eligible: eligible.length, flagged: [], notComputed: [] },
      nextClose: nextCloseAfter(deals, asOf),
      partial: true,
    };
  }
  // The writer joins scattered rows into at most a few writes (see writer.ts).
  applyStatusChanges(table, lines, statusChanges, days);
  const appended = appendLines(table, create, days);
  // A deal whose cells cannot be read is flagged too (in a narrowed pass, when it is the scope's).
  const judged = scope ? leadsOf(leads, scope) : undefined;
  const unreadable = judged ? inputs.unreadable.filter((f) => judged.has(f.leadId)) : inputs.unreadable;
  const flags: Flag[] = [...unreadable, ...desired.flags];
  formatMoneyColumns(
    ctx,
    table,
    appended,
    create.map((l) => l.currency),
    ['basis', 'amount'],
  );
  writeFlagNotes(ctx.doc, leads, flags, judged);
  // The full pass holds the whole ledger: it builds the ledger index when it does not hold the ledger
  // as read or is due (stale, many pending entries; sheets/ledger-index.ts); else this pass's writes
  // become pending entries.
  if (!scope && (!indexHolds || ledgerIndexDue(ctx.doc))) {
    const { entries, last } = ledgerIndexEntries(table);
    stageLedgerIndex(ctx.doc, entries, last);
  } else if (scope && ids && read.index) restageLedgerIndex(ctx.doc, read.index, table);
  return {
    result: { ...summary, flagged: flags.map((f) => f.reason), notComputed: flags.map((f) => ({ ...f })) },
    nextClose: nextCloseAfter(deals, asOf),
  };
}

/** The earliest close day after asOf of a Won deal (it earns from that day), or null. */
function nextCloseAfter(deals: readonly DealRow[], asOf: string): string | null {
  let next: string | null = null;
  for (const { deal } of deals)
    if (deal.status === LEAD_STATUS.Won && deal.closedOn > asOf && (next === null || deal.closedOn < next))
      next = deal.closedOn;
  return next;
}

/** The leads of a scope's partners, and its own leads. */
function leadsOf(leads: Table, scope: LedgerScope): Set<string> {
  const out = new Set(scope.leads);
  for (const { record } of leads.rows())
    if (scope.partners.has(text(record.partnerId))) out.add(text(record.leadId));
  out.delete('');
  return out;
}

/** The whole pass in one context: stage, then commit (one audited write). */
export function syncLedger(ctx: AppContext, scope?: LedgerScope): SyncResult {
  const result = stageLedgerSync(ctx, scope);
  ctx.commit();
  return result;
}
