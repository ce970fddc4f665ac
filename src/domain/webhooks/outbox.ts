/**
 * The outbox: messages the tracker owes to the outside world, written in the same commit as the
 * change they announce and delivered after it. Generic: a message has a kind (a webhook delivery, a
 * Slack post), a destination id, an ordering key and the body it sends; the rules here say which are
 * due and what an attempt's answer does to them.
 */
import { nextAttemptAt, retryAfterMs } from './retry';

export type MessageKind = 'webhook' | 'slack';

export interface OutboxMessage {
  id: string;
  kind: MessageKind;
  /** The destination (a webhook endpoint's id). */
  to: string;
  /** Messages with the same `to` and `key` go out in order: one waits for the one before it. */
  key: string;
  type: string;
  /** Epoch ms it was made. */
  made: number;
  /** The exact body sent (and signed). */
  body: string;
  tries: number;
  /** Epoch ms of the next attempt. */
  next: number;
}

/** The messages to attempt now: due, and first of their (destination, key) among those waiting. */
export function dueMessages(messages: readonly OutboxMessage[], now: number): OutboxMessage[] {
  const waiting = new Set<string>();
  const out: OutboxMessage[] = [];
  for (const m of messages) {
    const lane = `${m.to}\u0000${m.key}`;
    if (waiting.has(lane)) continue;
    waiting.add(lane);
    if (m.next <= now) out.push(m);
  }
  return out;
}

export type AttemptResult = { status: number; retryAfter?: string } | { status: null; error: string };

export type Settled =
  | { outcome: 'delivered' }
  | { outcome: 'disabled' }
  | { outcome: 'failed'; detail: string }
  | { outcome: 'retrying'; next: number; detail: string };

/** What an attempt's answer does: 2xx delivered, 410 disables the endpoint, else retried for 24 h. */
export function settle(message: OutboxMessage, result: AttemptResult, now: number): Settled {
  if (result.status !== null && result.status >= 200 && result.status < 300) return { outcome: 'delivered' };
  if (result.status === 410) return { outcome: 'disabled' };
  const detail = result.status === null ? result.error : `HTTP ${result.status}`;
  const next = nextAttemptAt(message.made, message.tries + 1, now);
  if (next === null) return { outcome: 'failed', detail: `${detail}; given up after 24 hours` };
  const asked = result.status !== null ? retryAfterMs(result.retryAfter, now) : null;
  return { outcome: 'retrying', next: asked === null ? next : Math.max(next, now + asked), detail };
}
