/**
 * Reactions to a person's edit of a tracker sheet, run by the edit trigger AFTER the edit is audited
 * (lead status rules, commissions, ...). A feature plugs in by adding an entry to EDIT_REACTIONS.
 * A reaction gets the edited rows (before: as the shadow remembered them, after: as read) and a
 * context whose writes are recorded as source "trigger" for the editing user; it changes tables
 * through `ctx.table(...)` and the edit trigger commits them once, after all reactions ran.
 */
import { LEDGER_INPUTS_REACTION } from '../commissions/edit-reaction';
import type { AppContext } from '../context';
import { stageEditedDeals } from '../leads/deal-changes';
import { LEAD_STATUS_REACTION } from '../leads/status-edit';
import type { EditEvent, EditReaction } from './edit-reaction';
import { ID_COLUMNS_REACTION } from './id-edits';
import { MONEY_GUARD_REACTION } from './money-guard';
import { SCRIPT_COLUMNS_REACTION, SETTINGS_CACHE_REACTION, TEAM_REACTION } from './team-edits';

/** The deal hook (app/leads/deal-changes.ts): an edit of a deal reconciles its partners at once. */
const DEAL_EDIT_REACTION: EditReaction = {
  name: 'commissions',
  sheets: ['leads'],
  react: (ctx, edit) => stageEditedDeals(ctx, edit.rows, edit.columns),
};

/** In the order they run. */
export const EDIT_REACTIONS: EditReaction[] = [
  // first: an edit by someone off the Team of what the ledger is computed from is put back before
  // any other reaction sees it
  MONEY_GUARD_REACTION,
  ID_COLUMNS_REACTION,
  SCRIPT_COLUMNS_REACTION,
  SETTINGS_CACHE_REACTION,
  TEAM_REACTION,
  LEAD_STATUS_REACTION,
  DEAL_EDIT_REACTION,
  LEDGER_INPUTS_REACTION,
];

/** Runs the reactions for this sheet; one failing does not stop the others (its error is returned). */
export function runEditReactions(ctx: AppContext, edit: EditEvent): Array<{ name: string; error: string }> {
  const errors: Array<{ name: string; error: string }> = [];
  for (const reaction of EDIT_REACTIONS) {
    if (!reaction.sheets.includes(edit.sheet)) continue;
    try {
      reaction.react(ctx, edit);
    } catch (err) {
      errors.push({ name: reaction.name, error: err instanceof Error ? err.message : String(err) });
    }
  }
  return errors;
}
