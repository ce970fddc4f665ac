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
import { readSlack, writeSlack, type StoredSlack } from '../../sheets/slack-store';
import { combine, type SlackPayload } from '../../domain/slack/message';
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

/** One request of a round and the messages it carries (a Slack post carries every due Slack message). */
interface Send {
  messages: OutboxMessage[];
  request: OutgoingRequest;
  slack: boolean;
}

/** The round's requests: the head of each webhook lane, and one Slack post of what Slack is owed. */
function sendsOf(
  outbox: readonly OutboxMessage[],
  endpoints: readonly StoredEndpoint[],
  slack: StoredSlack | null,
  at: number,
): Send[] {
  const byId = new Map(endpoints.map((e) => [e.id, e]));
  const sends: Send[] = dueMessages(
    outbox.filter((m) => m.kind === 'webhook'),
    at,
  )
    .slice(0, BATCH)
    .map((m) => ({ messages: [m], request: webhookRequest(byId.get(m.to)!, m, at), slack: false }));
  const owed = slack && !slack.disabled ? outbox.filter((m) => m.kind === 'slack') : [];
  // Slack's messages go out together and in order, once the first of them is due.
  if (owed.length && owed[0].next <= at) {
    const body = JSON.stringify(combine(owed.map((m) => JSON.parse(m.body) as SlackPayload)));
    sends.push({
      messages: owed,
      request: { url: slack!.url, method: 'post', headers: {}, body },
      slack: true,
    });
  }
  return sends;
}

/** Delivers what is due; returns how many messages were delivered. The caller holds the document lock. */
export function deliverOutbox(doc: TrackerDocument, now: () => number): number {
  let delivered = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const outbox = readOutbox(doc);
    const endpoints = readEndpoints(doc);
    const slack = readSlack(doc);
    const byId = new Map(endpoints.map((e) => [e.id, e]));
    const at = now();
    // Messages whose destination is gone or disabled are dropped.
    const live = outbox.filter((m) =>
      m.kind === 'webhook' ? byId.get(m.to) && !byId.get(m.to)!.disabled : slack !== null && !slack.disabled,
    );
    const sends = sendsOf(live, endpoints, slack, at);
    if (!sends.length) {
      if (live.length !== outbox.length) {
        writeOutbox(doc, live);
        doc.commit();
      }
      break;
    }
    const answers = sendAll(sends.map((s) => s.request));
    const results: AttemptResult[] = Array.isArray(answers)
      ? answers.map(attemptResult)
      : sends.map(() => ({ status: null, error: answers.error }));
    const done = new Set<string>();
    const disabled = new Set<string>();
    let slackDisabled: string | null = null;
    const retry = new Map<string, number>();
    const log: WebhookDeliveryView[] = [];
    const iso = new Date(at).toISOString();
    sends.forEach((send, i) => {
      const result = results[i];
      const first = send.messages[0];
      const outcome = settle(first, result, at);
      const status = result.status;
      const base = {
        messageId: first.id,
        endpointId: first.to,
        type: send.slack
          ? `slack (${send.messages.length} message${send.messages.length === 1 ? '' : 's'})`
          : first.type,
        at: iso,
        attempt: first.tries + 1,
        status,
      };
      if (outcome.outcome === 'delivered') {
        delivered += send.messages.length;
        for (const m of send.messages) done.add(m.id);
        log.push({ ...base, outcome: 'delivered', detail: `HTTP ${status}` });
      } else if (outcome.outcome === 'disabled') {
        if (send.slack) slackDisabled = `Slack answered 410 Gone on ${iso}`;
        else disabled.add(first.to);
        log.push({ ...base, outcome: 'disabled', detail: 'HTTP 410 Gone: disabled' });
      } else if (outcome.outcome === 'failed') {
        for (const m of send.messages) done.add(m.id);
        log.push({ ...base, outcome: 'failed', detail: outcome.detail });
      } else {
        for (const m of send.messages) retry.set(m.id, outcome.next);
        log.push({
          ...base,
          outcome: 'retrying',
          detail: `${outcome.detail}; next attempt after ${new Date(outcome.next).toISOString()}`,
        });
      }
    });
    const rest = live
      .filter((m) => !done.has(m.id) && !(m.kind === 'webhook' ? disabled.has(m.to) : slackDisabled))
      .map((m) => (retry.has(m.id) ? { ...m, tries: m.tries + 1, next: retry.get(m.id)! } : m));
    writeOutbox(doc, rest);
    if (disabled.size)
      writeEndpoints(
        doc,
        endpoints.map((e) => (disabled.has(e.id) ? { ...e, disabled: `Answered 410 Gone on ${iso}` } : e)),
      );
    if (slackDisabled && slack) writeSlack(doc, { ...slack, disabled: slackDisabled });
    logDeliveries(doc, log);
    doc.commit();
    if (!done.size) break;
  }
  return delivered;
}

/** The hourly run's retry of what is due, on the run's document (no call when nothing is due). */
export function retryOutbox(doc: TrackerDocument, now: () => number = () => Date.now()): number {
  const outbox = readOutbox(doc);
  if (!outbox.some((m) => m.next <= now())) return 0;
  return deliverOutbox(doc, now);
}

registerAfterCommit((doc) => {
  deliverOutbox(doc, () => Date.now());
});
