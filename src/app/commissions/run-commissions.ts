/**
 * runCommissions(): the reconcile pass on demand over every partner (the daily trigger runs the same
 * pass; closeLead and the Leads edit reaction run it for the partners they change). Returns what
 * changed and every deal flagged with its reason.
 */
import type { AppContext } from '../context';
import { openLedger } from './ledger-table';
import { partnerPlans, readPlanRows } from './inputs';
import { sheetOutgrew } from '../../sheets/shadow-tables';
import { syncLedger, type SyncResult } from './sync-ledger';

/**
 * The pass with Partners, Leads and Commissions read from their shadow (one cell a row instead of
 * every column; a sheet when its shadow does not know every row), under the document lock.
 */
export function runCommissions(ctx: AppContext): SyncResult {
  if (ctx.doc.prefersFewCalls() && !ctx.isOpen('plans')) {
    // The hourly run (its call budget): Plans from its shadow too, unguarded; read from its sheet
    // only when a partner names a plan the shadow does not have and the sheet has rows the shadow
    // does not know (another tool's append: one getLastRow, only then).
    openLedger(ctx, ['partners', 'leads', 'plans'], ['plans']);
    if (ctx.isOpen('plans') && namesUnknownPlan(ctx) && sheetOutgrew(ctx.doc, ctx.table('plans')))
      ctx.forget('plans');
  } else openLedger(ctx, ['partners', 'leads']);
  return syncLedger(ctx);
}

/** Whether a partner names a plan (by name or id) that the Plans table does not have. */
function namesUnknownPlan(ctx: AppContext): boolean {
  const plans = new Set<string>();
  for (const plan of readPlanRows(ctx))
    for (const ref of [plan.name, plan.id]) if (typeof ref === 'string' && ref.trim()) plans.add(ref.trim());
  return partnerPlans(ctx).some((p) => p.plan !== '' && !plans.has(p.plan));
}
