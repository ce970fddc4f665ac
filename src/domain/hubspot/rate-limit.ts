/**
 * HubSpot's documented request limits, and what the sync does about them inside one Apps Script
 * execution (https://developers.hubspot.com/docs/guides/apps/api-usage/usage-details):
 * - private apps: a burst limit per 10 seconds (100 Free/Starter, 190 Professional/Enterprise),
 *   shared by every app of the account; answers carry X-HubSpot-RateLimit-Max, -Remaining and
 *   -Interval-Milliseconds (the search endpoints carry none of them);
 * - the CRM search endpoints: five requests a second per account;
 * - over a limit: 429 with Retry-After (seconds) and the policy's name in the body.
 * The sync waits only for short gaps (the search spacing); a limit reached or a 429 stops the run
 * where it is, with the time from which a later run may ask again: it resumes from its cursor then.
 */
/** The gap between two searches (five a second). */
export const SEARCH_SPACING_MS = 200;
/** The ten-second window when an answer does not say. */
export const DEFAULT_INTERVAL_MS = 10_000;

export interface RateAnswer {
  status: number;
  /** Header values as received ('' when absent). */
  retryAfter: string;
  remaining: string;
  intervalMs: string;
  /** The policy a 429 names (TEN_SECONDLY_ROLLING, SECONDLY, DAILY), or ''. */
  policy: string;
}

/** What the client knows of the account's window after its latest answer. */
export interface RateWindow {
  /** Requests left in the window (null: HubSpot did not say). */
  remaining: number | null;
  /** When the window ends (epoch ms). */
  endsAt: number;
}

export type Verdict = { go: true } | { go: false; resumeAfter: number; reason: string };

function whole(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  return Number(text);
}

/** Retry-After as milliseconds: seconds, or an HTTP date; the window's length when absent. */
export function retryAfterMs(retryAfter: string, now: number, fallbackMs: number): number {
  const seconds = whole(retryAfter);
  if (seconds !== null) return seconds * 1000;
  const date = Date.parse(retryAfter);
  if (!Number.isNaN(date)) return Math.max(0, date - now);
  return fallbackMs;
}

/** The window an answer reports (a search answer reports none: the last one known is kept). */
export function windowAfter(answer: RateAnswer, now: number, known: RateWindow | null): RateWindow | null {
  const remaining = whole(answer.remaining);
  if (remaining === null) return known;
  const interval = whole(answer.intervalMs) ?? DEFAULT_INTERVAL_MS;
  return { remaining, endsAt: now + interval };
}

const instant = (ms: number) => new Date(ms).toISOString();

/** A 429: stop, and ask again no sooner than Retry-After says. */
export function limited(answer: RateAnswer, now: number): Verdict {
  const wait = retryAfterMs(answer.retryAfter, now, whole(answer.intervalMs) ?? DEFAULT_INTERVAL_MS);
  const resumeAfter = now + wait;
  return {
    go: false,
    resumeAfter,
    reason: `HubSpot rate limit (429${answer.policy ? ` ${answer.policy}` : ''}), retry after ${Math.ceil(wait / 1000)} s: resuming from the cursor after ${instant(resumeAfter)}`,
  };
}

/** Before a step of `needs` requests: go, or stop until the window ends when it has fewer left. */
export function beforeStep(window: RateWindow | null, needs: number, now: number): Verdict {
  if (!window || window.remaining === null || window.remaining >= needs || now >= window.endsAt)
    return { go: true };
  return {
    go: false,
    resumeAfter: window.endsAt,
    reason: `HubSpot's ten-second limit nearly used (${window.remaining} left): resuming from the cursor after ${instant(window.endsAt)}`,
  };
}

/** How long to wait before the next search, the last one sent at `lastSearchAt`. */
export function searchWaitMs(lastSearchAt: number | null, now: number): number {
  if (lastSearchAt === null) return 0;
  return Math.max(0, lastSearchAt + SEARCH_SPACING_MS - now);
}
