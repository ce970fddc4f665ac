/**
 * closeLead from the sidebar: the deal's lines are staged in the same execution as the lead's
 * change and written by closeLead's one commit (Won earns, Lost voids or claws back). Only the
 * closed deals' partners are reconciled (their plans may pay a deal by the partner's other deals);
 * the Commissions sheet is read from its shadow. Other partners' lines that are due a change (a hold
 * that ended) are the next runCommissions' or daily run's.
 */
import type { LeadCloseReaction } from '../leads/close-reaction';
import { openLedger } from './ledger-table';
import { stageLedgerSync } from './sync-ledger';

export const COMMISSIONS_CLOSE_REACTION: LeadCloseReaction = {
  name: 'commissions',
  react(ctx, leads) {
    openLedger(ctx);
    stageLedgerSync(ctx, {
      partners: new Set(leads.map((lead) => lead.partnerId.trim()).filter((id) => id !== '')),
      leads: new Set(leads.map((lead) => lead.id)),
    });
  },
};
