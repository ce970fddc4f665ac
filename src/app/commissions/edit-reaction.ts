/**
 * A person's edit of what the ledger is computed from besides the deals (a partner's plan, a plan,
 * the hold days): nothing is reconciled at once; the next daily job runs the full reconcile. (An
 * edit of a deal in Leads is reconciled at once by the deal hook, app/leads/deal-changes.ts.)
 */
import type { EditReaction } from '../triggers/edit-reaction';
import { markLedgerDirty } from './ledger-state';

export const LEDGER_INPUTS_REACTION: EditReaction = {
  name: 'ledger inputs',
  sheets: ['partners', 'plans', 'settings'],
  react: (ctx) => markLedgerDirty(ctx.doc),
};
