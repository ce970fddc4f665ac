/**
 * Settings > Tier Rules: one entry per tier, "Tier | won value | months | won deals | all or any":
 * the won value (major units of the reporting currency) over the trailing months and/or the number of
 * won deals over the same months, both required ("all") or either ("any"). Blank thresholds are not
 * required; an entry with none is met by every partner (the entry tier). Entries are ordered by the
 * Settings > Tiers list (lowest first).
 */
import { toMinor } from '../money';

export type TierMatch = 'all' | 'any';

export interface TierRule {
  tier: string;
  minWonMinor: number | null;
  months: number;
  minWonDeals: number | null;
  match: TierMatch;
}

export const DEFAULT_TIER_RULE_MONTHS = 12;

export const tierRuleMessages = {
  shape: (entry: string) =>
    `Tier Rules '${entry}': write it as Tier | won value | months | won deals | all or any (e.g. Gold | 50000 | 12 | 5 | all).`,
  unknownTier: (entry: string, tier: string, tiers: readonly string[]) =>
    `Tier Rules '${entry}': '${tier}' is not one of the Tiers: ${tiers.join(', ')}.`,
  value: (entry: string, value: string) =>
    `Tier Rules '${entry}': won value '${value}' is not an amount of zero or more.`,
  months: (entry: string, value: string) =>
    `Tier Rules '${entry}': months '${value}' is not a whole number from 1 to 120.`,
  deals: (entry: string, value: string) =>
    `Tier Rules '${entry}': won deals '${value}' is not a whole number of zero or more.`,
  match: (entry: string, value: string) => `Tier Rules '${entry}': '${value}' is not all or any.`,
  twice: (tier: string) => `Tier Rules: '${tier}' has more than one entry.`,
} as const;

export interface TierRulesReading {
  rules: TierRule[];
  problems: string[];
}

/** The rules of the entries, in the order of `tiers`; each entry that cannot be read is a problem. */
export function parseTierRules(
  entries: readonly string[],
  tiers: readonly string[],
  currency: string,
): TierRulesReading {
  const problems: string[] = [];
  const byTier = new Map<string, TierRule>();
  for (const entry of entries) {
    const parts = entry.split('|').map((p) => p.trim());
    if (parts.length > 5 || parts[0] === '') {
      problems.push(tierRuleMessages.shape(entry));
      continue;
    }
    const [tierText, valueText = '', monthsText = '', dealsText = '', matchText = ''] = parts;
    const tier = tiers.find((t) => t.toLowerCase() === tierText.toLowerCase());
    if (!tier) {
      problems.push(tierRuleMessages.unknownTier(entry, tierText, tiers));
      continue;
    }
    let minWonMinor: number | null = null;
    if (valueText !== '') {
      try {
        minWonMinor = toMinor(valueText.replace(/,/g, ''), currency, { allowNegative: false });
      } catch {
        problems.push(tierRuleMessages.value(entry, valueText));
        continue;
      }
    }
    const months = monthsText === '' ? DEFAULT_TIER_RULE_MONTHS : Number(monthsText);
    if (!Number.isInteger(months) || months < 1 || months > 120) {
      problems.push(tierRuleMessages.months(entry, monthsText));
      continue;
    }
    const deals = dealsText === '' ? null : Number(dealsText);
    if (deals !== null && (!Number.isInteger(deals) || deals < 0)) {
      problems.push(tierRuleMessages.deals(entry, dealsText));
      continue;
    }
    const match = matchText === '' ? 'all' : matchText.toLowerCase();
    if (match !== 'all' && match !== 'any') {
      problems.push(tierRuleMessages.match(entry, matchText));
      continue;
    }
    if (byTier.has(tier)) {
      problems.push(tierRuleMessages.twice(tier));
      continue;
    }
    byTier.set(tier, { tier, minWonMinor, months, minWonDeals: deals, match });
  }
  return { rules: tiers.flatMap((t) => byTier.get(t) ?? []), problems };
}
