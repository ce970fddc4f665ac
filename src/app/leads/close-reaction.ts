/**
 * What a reaction to leads becoming Won or Lost is (leads/close-reactions.ts runs the list of them;
 * a feature's reaction implements this without importing the list).
 */
import type { Lead } from '../../shared/api';
import type { AppContext } from '../context';

export interface LeadCloseReaction {
  name: string;
  react(ctx: AppContext, leads: readonly Lead[]): void;
}
