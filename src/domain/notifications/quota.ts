/**
 * MailApp's daily quota counts recipients, not messages. Given the queue (oldest first) and the
 * recipients left today, the plan sends, in order, every message that still fits; the rest stay
 * queued for tomorrow, in their order. A message with no recipient can never be sent: it is
 * returned apart (undeliverable) for the app to log, so it does not sit in the queue for ever.
 */
export interface QueuedMessage {
  to: string;
}

export function recipientCount(to: string): number {
  return to
    .split(',')
    .map((address) => address.trim())
    .filter((address) => address !== '').length;
}

export function planSends<M extends QueuedMessage>(
  queue: readonly M[],
  remainingQuota: number,
): { sendNow: M[]; keep: M[]; undeliverable: M[]; quotaLeft: number } {
  const sendNow: M[] = [];
  const keep: M[] = [];
  const undeliverable: M[] = [];
  let left = Math.max(0, Math.floor(remainingQuota));
  for (const message of queue) {
    const cost = recipientCount(message.to);
    if (cost === 0) {
      undeliverable.push(message);
    } else if (cost <= left) {
      sendNow.push(message);
      left -= cost;
    } else {
      keep.push(message);
    }
  }
  return { sendNow, keep, undeliverable, quotaLeft: left };
}
