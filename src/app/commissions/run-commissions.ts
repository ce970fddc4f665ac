/**
 * runCommissions(): the reconcile pass on demand over every partner (the daily trigger runs the same
 * pass; closeLead and the Leads edit reaction run it for the partners they change). Returns what
 * changed and every deal flagged with its reason.
 */
import type { AppContext } from '../context';
import { openLedger } from './ledger-table';
import { syncLedger, type SyncResult } from './sync-ledger';

/**
 * The pass with Partners, Leads and Commissions read from their shadow (one cell a row instead of
 * every column; a sheet when its shadow does not know every row), under the document lock.
 */
export function runCommissions(ctx: AppContext): SyncResult {
  openLedger(ctx, ['partners', 'leads']);
  return syncLedger(ctx);
}
