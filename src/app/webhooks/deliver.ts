/**
 * Delivering the outbox's webhook messages (Standard Webhooks): each a POST of its JSON body with
 * webhook-id, webhook-timestamp (the attempt's, in seconds) and webhook-signature
 * (`v1,` + base64 HMAC-SHA256 of `id.timestamp.body` under the endpoint's secret). Sent together
 * (one fetchAll per round), at most one message per endpoint and key at a time, so a lead's events
 * arrive in order. 2xx: delivered; 410: the endpoint is disabled and its messages dropped; anything
 * else: retried on later executions for 24 hours (Retry-After honoured). Runs after a commit that
 * queued messages (registered with the document) and at every hourly run.
 */
import { dueMessages, settle, type AttemptResult, type OutboxMessage } from '../../domain/webhooks/outbox';
import type { WebhookDeliveryView } from '../../shared/webhooks';
import { registerAfterCommit, TrackerDocument } from '../../sheets/document';
import { attemptResult, hmacBase64, sendAll, type OutgoingRequest } from '../../sheets/http';
import { readOutbox, writeOutbox } from '../../sheets/outbox-store';
import {
  logDeliveries,
  readEndpoints,
  writeEndpoints,
  type StoredEndpoint,
} from '../../sheets/webhook-store';

/** At most this many messages per round, and rounds per execution (a lane's next message waits a round). */
const BATCH = 20;
const ROUNDS = 3;

export function signatureOf(endpoint: StoredEndpoint, id: string, timestamp: number, body: string): string {
  return `v1,${hmacBase64(endpoint.secret.replace(/^whsec_/, ''), `${id}.${timestamp}.${body}`)}`;
}

export function webhookRequest(
  endpoint: StoredEndpoint,
  message: OutboxMessage,
  nowMs: number,
): OutgoingRequest {
  const timestamp = Math.floor(nowMs / 1000);
  return {
    url: endpoint.url,
    method: 'post',
    headers: {
      'webhook-id': message.id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signatureOf(endpoint, message.id, timestamp, message.body),
    },
    body: message.body,
  };
}

/** Delivers what is due; returns how many were delivered. The caller holds the document lock. */
export function deliverOutbox(doc: TrackerDocument, now: () => number): number {
  let delivered = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const outbox = readOutbox(doc);
    const endpoints = readEndpoints(doc);
    const byId = new Map(endpoints.map((e) => [e.id, e]));
    const at = now();
    // Messages whose endpoint is gone or disabled are dropped.
    const live = outbox.filter((m) => m.kind !== 'webhook' || (byId.get(m.to) && !byId.get(m.to)!.disabled));
    const due = dueMessages(
      live.filter((m) => m.kind === 'webhook'),
      at,
    ).slice(0, BATCH);
    if (!due.length) {
      if (live.length !== outbox.length) {
        writeOutbox(doc, live);
        doc.commit();
      }
      break;
    }
    const answers = sendAll(due.map((m) => webhookRequest(byId.get(m.to)!, m, at)));
    const results: AttemptResult[] = Array.isArray(answers)
      ? answers.map(attemptResult)
      : due.map(() => ({ status: null, error: answers.error }));
    const done = new Set<string>();
    const disabled = new Set<string>();
    const retry = new Map<string, number>();
    const log: WebhookDeliveryView[] = [];
    const iso = new Date(at).toISOString();
    due.forEach((message, i) => {
      const result = results[i];
      const outcome = settle(message, result, at);
      const status = result.status;
      const base = {
        messageId: message.id,
        endpointId: message.to,
        type: message.type,
        at: iso,
        attempt: message.tries + 1,
        status,
      };
      if (outcome.outcome === 'delivered') {
        delivered++;
        done.add(message.id);
        log.push({ ...base, outcome: 'delivered', detail: `HTTP ${status}` });
      } else if (outcome.outcome === 'disabled') {
        disabled.add(message.to);
        log.push({ ...base, outcome: 'disabled', detail: 'HTTP 410 Gone: endpoint disabled' });
      } else if (outcome.outcome === 'failed') {
        done.add(message.id);
        log.push({ ...base, outcome: 'failed', detail: outcome.detail });
      } else {
        retry.set(message.id, outcome.next);
        log.push({
          ...base,
          outcome: 'retrying',
          detail: `${outcome.detail}; next attempt after ${new Date(outcome.next).toISOString()}`,
        });
      }
    });
    const rest = live
      .filter((m) => !done.has(m.id) && !disabled.has(m.to))
      .map((m) => (retry.has(m.id) ? { ...m, tries: m.tries + 1, next: retry.get(m.id)! } : m));
    writeOutbox(doc, rest);
    if (disabled.size)
      writeEndpoints(
        doc,
        endpoints.map((e) => (disabled.has(e.id) ? { ...e, disabled: `Answered 410 Gone on ${iso}` } : e)),
      );
    logDeliveries(doc, log);
    doc.commit();
    if (!done.size) break;
  }
  return delivered;
}

/** The hourly run's retry of what is due (under the document lock, as every change). */
export function retryOutbox(now: () => number = () => Date.now()): number {
  const doc = new TrackerDocument(undefined, { writes: true });
  if (!dueMessages(readOutbox(doc), now()).length) return 0;
  return deliverOutbox(doc, now);
}

registerAfterCommit((doc) => {
  deliverOutbox(doc, () => Date.now());
});
