/**
 * The reconcile pass: the ledger the deals and plans imply today (desiredLedger) against the
 * Commissions sheet, applying ONLY the difference (reconcile, keyed by the Key column). The caller
 * holds the context; this takes the document lock before reading, so two executions never both
 * append the same key.
 */
import { desiredLedger, reconcile, type Flag } from '../../domain/commissions';
import type { AppContext } from '../context';
import { writeFlagNotes } from './flag-notes';
import { readEngineInputs } from './inputs';
import {
  appendLines,
  applyStatusChanges,
  commissionIds,
  formatMoneyColumns,
  readLedger,
} from './ledger-table';

export interface SyncResult {
  created: number;
  voided: number;
  eligible: number;
  flagged: string[];
}

/**
 * Stages the ledger changes in ctx's tables for the context's commit (a lead close reaction, whose
 * use case commits once), after giving the new rows their number formats and the flagged deals
 * their notes (presentation, not audited values): all of them, or only those of `notesOf` (the
 * leads a use case closed; the daily pass brings the others up to date).
 */
export function stageLedgerSync(ctx: AppContext, notesOf?: ReadonlySet<string>): SyncResult {
  ctx.lock();
  const days = ctx.doc.days();
  const asOf = days.dayOf(ctx.now);
  const inputs = readEngineInputs(ctx, days);
  const table = ctx.table('commissions');
  const ledger = readLedger(table, days);
  const holdDays = Number(inputs.settings.values.holdDays);
  const desired = desiredLedger({
    deals: inputs.deals.map((d) => d.deal),
    partners: inputs.partners,
    plans: inputs.plans,
    settings: { defaultHoldDays: Number.isInteger(holdDays) && holdDays >= 0 ? holdDays : 30 },
    asOf,
  });
  const { create, statusChanges, summary } = reconcile({
    ledger: ledger.map((l) => l.line),
    desired: desired.lines,
    asOf,
    nextId: commissionIds(table),
  });
  // The writer joins scattered rows into at most a few writes (see writer.ts).
  applyStatusChanges(table, ledger, statusChanges, days);
  const appended = appendLines(table, create, days);
  const flags: Flag[] = [...inputs.unreadable, ...desired.flags];
  formatMoneyColumns(
    ctx,
    table,
    appended,
    create.map((l) => l.currency),
    ['basis', 'amount'],
  );
  writeFlagNotes(ctx.table('leads'), inputs.deals, flags, notesOf);
  return { ...summary, flagged: flags.map((f) => f.reason) };
}

/** The whole pass in one context: stage, then commit (one audited write). */
export function syncLedger(ctx: AppContext): SyncResult {
  const result = stageLedgerSync(ctx);
  ctx.commit();
  return result;
}
