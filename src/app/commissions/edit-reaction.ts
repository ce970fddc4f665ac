/**
 * A person's edit of Leads that can change what a deal earns (Status, Deal Value, Closed On,
 * Currency or Partner ID of a row that is or was Won) runs the reconcile pass at once, in the edit
 * trigger's execution: a deal marked Won gets its lines, Won -> Lost voids or claws back, a changed
 * Deal Value adds an adjustment.
 */
import type { EditReaction } from '../triggers/edit-reactions';
import { syncLedger } from './sync-ledger';

const DEAL_COLUMNS = ['status', 'dealValue', 'closedOn', 'currency', 'partnerId'];

export const COMMISSIONS_EDIT_REACTION: EditReaction = {
  name: 'commissions',
  sheets: ['leads'],
  react(ctx, edit) {
    if (!edit.columns.some((c) => DEAL_COLUMNS.includes(c))) return;
    const touchesWon = edit.rows.some(
      (r) => String(r.after.status ?? '').trim() === 'Won' || String(r.before.status ?? '').trim() === 'Won',
    );
    if (touchesWon) syncLedger(ctx);
  },
};
