/**
 * runCommissions(): the reconcile pass on demand (the daily trigger and the Leads edit reaction run
 * the same pass). Returns what changed and every deal flagged with its reason.
 */
import type { AppContext } from '../context';
import type { DailyJob } from '../triggers/daily';
import { syncLedger, type SyncResult } from './sync-ledger';

export function runCommissions(ctx: AppContext): SyncResult {
  return syncLedger(ctx);
}

export const COMMISSIONS_DAILY_JOB: DailyJob = { name: 'commissions', run: (ctx) => syncLedger(ctx) };
