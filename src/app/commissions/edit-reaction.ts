/**
 * A person's edit of Leads that can change what a deal earns (Status, Deal Value, Closed On,
 * Currency or Partner ID of a row that is or was Won) runs the reconcile pass at once, in the edit
 * trigger's execution, for the partners of the edited deals (before and after the edit): a deal
 * marked Won gets its lines, Won -> Lost voids or claws back, a changed Deal Value adds an
 * adjustment. Partners and Commissions are read from their shadow; other partners' lines are the
 * next full pass's.
 */
import type { EditReaction } from '../triggers/edit-reaction';
import { markLedgerDirty } from './ledger-state';
import { openLedger } from './ledger-table';
import { stageLedgerSync } from './sync-ledger';

const DEAL_COLUMNS = ['status', 'dealValue', 'closedOn', 'currency', 'partnerId'];
const text = (value: unknown) => String(value ?? '').trim();

export const COMMISSIONS_EDIT_REACTION: EditReaction = {
  name: 'commissions',
  sheets: ['leads'],
  react(ctx, edit) {
    if (!edit.columns.some((c) => DEAL_COLUMNS.includes(c))) return;
    const deals = edit.rows.filter((r) => text(r.after.status) === 'Won' || text(r.before.status) === 'Won');
    if (deals.length === 0) return;
    const partners = new Set(deals.flatMap((r) => [text(r.before.partnerId), text(r.after.partnerId)]));
    const leads = new Set(deals.flatMap((r) => [text(r.before.leadId), text(r.after.leadId)]));
    partners.delete('');
    leads.delete('');
    openLedger(ctx, ['partners']);
    stageLedgerSync(ctx, { partners, leads }); // committed with the edit (record-edit.ts)
  },
};

/**
 * A person's edit of what the ledger is computed from besides the deals (a partner's plan, a plan,
 * the hold days): nothing is reconciled at once; the next daily job runs the full reconcile.
 */
export const LEDGER_INPUTS_REACTION: EditReaction = {
  name: 'ledger inputs',
  sheets: ['partners', 'plans', 'settings'],
  react: (ctx) => markLedgerDirty(ctx.doc),
};
