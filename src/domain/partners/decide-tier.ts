/**
 * Automatic tiering, one partner: promote at once when the rules give a higher tier; demote only on
 * a review day and only when the rules have given a lower tier for the whole grace period (the tier
 * they gave `graceDays` ago is lower too), to the higher of the two, so a tier never flaps. A locked
 * tier (Partners > Tier Locked) is never changed. Null: no change.
 */
import { addDays } from '../dates';
import { earnedTier, type WonDeal } from './tier-progress';
import type { TierRule } from './tier-rules';

export interface TierDecisionInput {
  rules: readonly TierRule[];
  current: string;
  locked: boolean;
  deals: readonly WonDeal[];
  today: string;
  reviewDue: boolean;
  graceDays: number;
  currency: string;
}

export interface TierChange {
  from: string;
  to: string;
  direction: 'promoted' | 'demoted';
  reason: string;
}

export function decideTier(input: TierDecisionInput): TierChange | null {
  const { rules, current, today } = input;
  if (input.locked || rules.length === 0) return null;
  const rank = (tier: string | null) => (tier === null ? -1 : rules.findIndex((r) => r.tier === tier));
  const earned = earnedTier(rules, input.deals, today);
  const now = rank(current);
  if (earned !== null && rank(earned) > now)
    return {
      from: current,
      to: earned,
      direction: 'promoted',
      reason: `meets the ${earned} rule on ${today}`,
    };
  if (!input.reviewDue || now < 0 || rank(earned) >= now) return null;
  const before = earnedTier(rules, input.deals, addDays(today, -input.graceDays));
  if (rank(before) >= now) return null;
  const to = rank(before) > rank(earned) ? before : earned;
  if (to === null) return null;
  return {
    from: current,
    to,
    direction: 'demoted',
    reason: `below the ${current} rule for ${input.graceDays} days at the review of ${today}`,
  };
}
