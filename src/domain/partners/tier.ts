/** Tier by won business: the highest tier whose threshold (minor units) the partner's won value reaches. */
export interface TierThreshold {
  tier: string;
  fromMinor: number;
}

export function suggestTier(wonValueMinor: number, thresholds: readonly TierThreshold[]): string | null {
  let best: TierThreshold | null = null;
  for (const threshold of thresholds)
    if (wonValueMinor >= threshold.fromMinor && (best === null || threshold.fromMinor > best.fromMinor))
      best = threshold;
  return best ? best.tier : null;
}
