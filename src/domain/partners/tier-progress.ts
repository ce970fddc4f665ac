/**
 * Where a partner stands against the tier rules (Settings > Tier Rules): the tier the rules give,
 * the next tier and what is missing ("12,000.00 USD of won value away from Gold"), the progress
 * toward it, and what the partner's open approved deals would do ("If your 2 open approved deals
 * close, you reach Gold"). Pure: the partner's won deals (converted to the reporting currency), the
 * open deals' estimated values and today come in. Used by the scorecard, the partner view and the
 * daily tiering job.
 */
import type { TierProgressView } from '../../shared/dashboard';
import { addMonths } from '../dates';
import { formatMoney } from '../money';
import type { TierRule } from './tier-rules';

export interface WonDeal {
  closedOn: string;
  /** In the reporting currency's minor units. */
  valueMinor: number;
}

export interface Standing {
  wonMinor: number;
  wonDeals: number;
}

/** The won value and deals closed in the `months` months ending `today` (after the same day `months` before). */
export function standingOver(deals: readonly WonDeal[], months: number, today: string): Standing {
  const after = addMonths(today, -months);
  let wonMinor = 0;
  let wonDeals = 0;
  for (const d of deals)
    if (d.closedOn > after && d.closedOn <= today) {
      wonMinor += d.valueMinor;
      wonDeals++;
    }
  return { wonMinor, wonDeals };
}

/** Whether a standing (plus `extra`, e.g. open deals closing) meets the rule. */
export function meetsRule(rule: TierRule, s: Standing): boolean {
  const checks: boolean[] = [];
  if (rule.minWonMinor !== null) checks.push(s.wonMinor >= rule.minWonMinor);
  if (rule.minWonDeals !== null) checks.push(s.wonDeals >= rule.minWonDeals);
  if (checks.length === 0) return true;
  return rule.match === 'all' ? checks.every(Boolean) : checks.some(Boolean);
}

/** The highest tier whose rule the deals meet on `today` (rules lowest first), or null. */
export function earnedTier(
  rules: readonly TierRule[],
  deals: readonly WonDeal[],
  today: string,
): string | null {
  let tier: string | null = null;
  for (const rule of rules) if (meetsRule(rule, standingOver(deals, rule.months, today))) tier = rule.tier;
  return tier;
}

export interface TierProgressInput {
  rules: readonly TierRule[];
  currentTier: string;
  locked: boolean;
  deals: readonly WonDeal[];
  /** Estimated values of the partner's open approved deals, in reporting minor units (null: not converted). */
  open: ReadonlyArray<number | null>;
  today: string;
  currency: string;
}

const dealsText = (n: number) => `${n} won deal${n === 1 ? '' : 's'}`;

export function tierProgress(input: TierProgressInput): TierProgressView {
  const { rules, currentTier, today, currency } = input;
  const at = rules.findIndex((r) => r.tier === currentTier);
  const next = rules[at + 1] ?? null;
  const base = { tier: currentTier, locked: input.locked };
  if (rules.length === 0)
    return {
      ...base,
      nextTier: null,
      progress: 0,
      missing: 'No tier rules: see Settings > Tier Rules.',
      forecast: '',
    };
  if (!next)
    return { ...base, nextTier: null, progress: 1, missing: `${currentTier} is the top tier.`, forecast: '' };

  const s = standingOver(input.deals, next.months, today);
  const gapMinor = next.minWonMinor === null ? 0 : Math.max(0, next.minWonMinor - s.wonMinor);
  const gapDeals = next.minWonDeals === null ? 0 : Math.max(0, next.minWonDeals - s.wonDeals);
  const ratios: number[] = [];
  if (next.minWonMinor !== null)
    ratios.push(next.minWonMinor === 0 ? 1 : Math.min(1, s.wonMinor / next.minWonMinor));
  if (next.minWonDeals !== null)
    ratios.push(next.minWonDeals === 0 ? 1 : Math.min(1, s.wonDeals / next.minWonDeals));
  const progress = ratios.length === 0 ? 1 : next.match === 'all' ? Math.min(...ratios) : Math.max(...ratios);

  const met = meetsRule(next, s);
  const parts = [
    gapMinor > 0 ? `${formatMoney(gapMinor, currency)} of won value` : '',
    gapDeals > 0 ? dealsText(gapDeals) : '',
  ].filter((p) => p !== '');
  const window = `over ${next.months} months`;
  const missing = met
    ? `You meet the rule of ${next.tier}.`
    : `${parts.join(next.match === 'all' ? ' and ' : ' or ')} away from ${next.tier} (${window}).`;

  const open = input.open.filter((v): v is number => v !== null);
  let forecast = '';
  if (!met) {
    if (open.length === 0) forecast = 'No open approved deals.';
    else {
      const added = open.reduce((a, b) => a + b, 0);
      const reaches = meetsRule(next, { wonMinor: s.wonMinor + added, wonDeals: s.wonDeals + open.length });
      const your = `If your ${open.length} open approved deal${open.length === 1 ? '' : 's'} close${open.length === 1 ? 's' : ''}`;
      forecast = reaches
        ? `${your}, you reach ${next.tier}.`
        : `${your}, you are still short of ${next.tier}.`;
    }
  }
  return { ...base, nextTier: next.tier, progress, missing, forecast };
}
