/**
 * When a message that was not delivered is tried again: Standard Webhooks' suggested schedule
 * (immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h) cut at 24 hours after the message was
 * made. The add-on runs when someone uses it or the hourly trigger fires, so a retry happens at the
 * first execution at or after its time.
 */
const SCHEDULE_MS = [0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000];
export const RETRY_WINDOW_MS = 24 * 3_600_000;

/** When attempt `tries + 1` is due (epoch ms), or null when the message is given up. */
export function nextAttemptAt(createdAt: number, tries: number, now: number): number | null {
  if (now - createdAt >= RETRY_WINDOW_MS) return null;
  const wait = SCHEDULE_MS[Math.min(tries, SCHEDULE_MS.length - 1)];
  const at = now + wait;
  return at - createdAt > RETRY_WINDOW_MS ? createdAt + RETRY_WINDOW_MS - 1 : at;
}

/** A Retry-After header's wait in ms (seconds or an HTTP date), or null. */
export function retryAfterMs(header: string | undefined, now: number): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
