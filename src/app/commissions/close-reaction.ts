/**
 * closeLead from the sidebar: the deal's lines are staged in the same execution as the lead's
 * change and written by closeLead's one commit (Won earns, Lost voids or claws back).
 */
import type { LeadCloseReaction } from '../leads/close-reactions';
import { stageLedgerSync } from './sync-ledger';

export const COMMISSIONS_CLOSE_REACTION: LeadCloseReaction = {
  name: 'commissions',
  react: (ctx, leads) => void stageLedgerSync(ctx, new Set(leads.map((lead) => lead.id))),
};
