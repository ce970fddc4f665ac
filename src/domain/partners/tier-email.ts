/** The email a partner's contact gets when automatic tiering changes its tier (HTML escaped). */
import { escapeHtml } from '../notifications/escape';
import type { TierChange } from './decide-tier';

export function tierChangeEmail(
  partner: { partnerName: string; contactName: string; contactEmail: string },
  change: TierChange,
): { to: string; subject: string; body: string; htmlBody: string } {
  const hello = partner.contactName ? `Hello ${partner.contactName},` : 'Hello,';
  const line =
    change.direction === 'promoted'
      ? `${partner.partnerName} has moved up from ${change.from || 'no tier'} to ${change.to}: it ${change.reason}.`
      : `${partner.partnerName} has moved from ${change.from} to ${change.to}: it was ${change.reason}.`;
  return {
    to: partner.contactEmail,
    subject: `Your partner tier is now ${change.to}`,
    body: `${hello}\n\n${line}\n`,
    htmlBody: `<p>${escapeHtml(hello)}</p><p>${escapeHtml(line)}</p>`,
  };
}

/** One line of Partners > Tier History: "2026-03-02: Silver -> Gold (meets the Gold rule on 2026-03-02)". */
export function tierHistoryLine(today: string, change: TierChange): string {
  return `${today}: ${change.from || '(none)'} -> ${change.to} (${change.reason})`;
}

/** Partners > Tier History keeps its newest lines within this many characters (a cell holds 50,000). */
export const TIER_HISTORY_MAX = 40_000;

/**
 * Tier History with `line` added last, its oldest lines left out while it is longer than
 * TIER_HISTORY_MAX (each change stays in the Audit Log). The new line is always kept.
 */
export function withTierHistoryLine(history: string, line: string): string {
  const joined = [history, line].filter((t) => t !== '').join('\n');
  if (joined.length <= TIER_HISTORY_MAX) return joined;
  const lines = joined.split('\n');
  let size = joined.length;
  while (lines.length > 1 && size > TIER_HISTORY_MAX) size -= lines.shift()!.length + 1;
  return lines.length === 1 ? line.slice(0, TIER_HISTORY_MAX) : lines.join('\n');
}

/** The review a day belongs to: "2026-03" (monthly), "2026-Q1" (quarterly), "2026" (yearly). */
export function reviewPeriodOf(day: string, review: string): string {
  const r = review.trim().toLowerCase();
  if (r === 'monthly') return day.slice(0, 7);
  if (r === 'yearly' || r === 'annually') return day.slice(0, 4);
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}
