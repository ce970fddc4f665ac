/**
 * runCommissions(): the reconcile pass on demand (the daily trigger and the Leads edit reaction run
 * the same pass). Returns what changed and every deal flagged with its reason.
 */
import type { AppContext } from '../context';
import { openFromShadow } from '../shadow-tables';
import type { DailyJob } from '../triggers/daily';
import { syncLedger, type SyncResult } from './sync-ledger';

/**
 * The pass with Partners and Leads read from their shadow (one read instead of every column of both
 * sheets; the sheets when the shadow does not know every row), under the document lock.
 */
export function runCommissions(ctx: AppContext): SyncResult {
  ctx.lock();
  openFromShadow(ctx, ['partners', 'leads']);
  return syncLedger(ctx);
}

export const COMMISSIONS_DAILY_JOB: DailyJob = { name: 'commissions', run: (ctx) => runCommissions(ctx) };
