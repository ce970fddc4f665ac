/**
 * runCommissions(): the reconcile pass on demand over every partner (the daily trigger runs the same
 * pass; closeLead and the Leads edit reaction run it for the partners they change). Returns what
 * changed and every deal flagged with its reason.
 */
import type { AppContext } from '../context';
import type { DailyJob } from '../triggers/daily';
import { openLedger } from './ledger-table';
import { syncLedger, type SyncResult } from './sync-ledger';

/**
 * The pass with Partners, Leads and Commissions read from their shadow (one cell a row instead of
 * every column; a sheet when its shadow does not know every row), under the document lock.
 */
export function runCommissions(ctx: AppContext): SyncResult {
  ctx.lock();
  openLedger(ctx, ['partners', 'leads']);
  return syncLedger(ctx);
}

export const COMMISSIONS_DAILY_JOB: DailyJob = { name: 'commissions', run: (ctx) => runCommissions(ctx) };
