/**
 * Other features react to leads becoming Won or Lost (commissions: earn, void, claw back) by adding
 * an entry here. Reactions run inside the same execution, after the Leads change is made in memory
 * and before the one commit, so the lead and what follows from it are written together. They run for
 * closeLead (a person's Status edit in the sheet reaches EDIT_REACTIONS instead; the Leads sheet stays
 * the source of truth, so a daily reconcile may derive the same from it).
 */
import type { Lead } from '../../shared/api';
import { COMMISSIONS_CLOSE_REACTION } from '../commissions/close-reaction';
import type { AppContext } from '../context';
import type { LeadCloseReaction } from './close-reaction';

export const LEAD_CLOSE_REACTIONS: LeadCloseReaction[] = [COMMISSIONS_CLOSE_REACTION];

export function runCloseReactions(ctx: AppContext, leads: readonly Lead[]): void {
  if (!leads.length) return;
  for (const reaction of LEAD_CLOSE_REACTIONS) reaction.react(ctx, leads);
}
