/**
 * Managing webhook endpoints (the owner's): save one (its signing secret shown once), list them with
 * their recent deliveries, delete one, send a test event. Endpoints and secrets live in document
 * properties, never in a cell; a change of them is audited (the URL and events, never the secret).
 */
import type { AuditEntry } from '../../domain/audit/entry';
import { checkWebhook } from '../../domain/webhooks/validate';
import type { OutboxMessage } from '../../domain/webhooks/outbox';
import {
  MAX_WEBHOOKS,
  webhookMessages,
  type SavedWebhook,
  type WebhookInput,
  type WebhooksView,
} from '../../shared/webhooks';
import { newId, newKeyBase64 } from '../../sheets/http';
import { OUTBOX_DROPPED, readOutbox, writeOutbox } from '../../sheets/outbox-store';
import { ownerEmail, sameEmail } from '../../sheets/team';
import { readDeliveryLog, readEndpoints, writeEndpoints } from '../../sheets/webhook-store';
import type { AppContext } from '../context';
import { fail } from '../user-error';

function assertWebhookOwner(ctx: AppContext): void {
  const owner = ownerEmail(ctx.doc);
  if (!sameEmail(ctx.actor.email, owner)) fail(webhookMessages.ownerOnly(ctx.actor.email, owner));
}

function auditEntry(ctx: AppContext, id: string, oldValue: string, newValue: string): AuditEntry {
  return {
    timestamp: ctx.now.toISOString(),
    user: ctx.actor.email,
    source: ctx.source,
    sheet: 'Settings',
    recordId: id,
    field: 'Webhook',
    cell: '',
    oldValue,
    newValue,
  };
}

const describe = (url: string, events: readonly string[]) => `${url} (${events.join(', ')})`;

export function saveWebhook(ctx: AppContext, input: WebhookInput): SavedWebhook {
  assertWebhookOwner(ctx);
  const checked = checkWebhook(input);
  if (!checked.ok) fail(checked.problems);
  const endpoints = readEndpoints(ctx.doc);
  if (endpoints.length >= MAX_WEBHOOKS) fail(webhookMessages.tooMany);
  const id = `wh_${newId().slice(0, 16)}`;
  const secret = `whsec_${newKeyBase64()}`;
  writeEndpoints(ctx.doc, [
    ...endpoints,
    {
      id,
      url: checked.url,
      events: checked.events,
      secret,
      createdAt: ctx.now.toISOString(),
      disabled: null,
    },
  ]);
  ctx.commit([auditEntry(ctx, id, '', describe(checked.url, checked.events))]);
  return { id, secret };
}

export function listWebhooks(ctx: AppContext): WebhooksView {
  assertWebhookOwner(ctx);
  const outbox = readOutbox(ctx.doc);
  return {
    endpoints: readEndpoints(ctx.doc).map((e) => ({
      id: e.id,
      url: e.url,
      events: e.events,
      createdAt: e.createdAt,
      disabled: e.disabled,
      pending: outbox.filter((m) => m.to === e.id).length,
    })),
    deliveries: readDeliveryLog(ctx.doc),
    dropped: Number(ctx.doc.property(OUTBOX_DROPPED) || 0),
  };
}

export function deleteWebhook(ctx: AppContext, id: string): { deleted: string } {
  assertWebhookOwner(ctx);
  const endpoints = readEndpoints(ctx.doc);
  const gone = endpoints.find((e) => e.id === id);
  if (!gone) fail(webhookMessages.unknownWebhook(String(id)));
  writeEndpoints(
    ctx.doc,
    endpoints.filter((e) => e.id !== id),
  );
  const outbox = readOutbox(ctx.doc);
  if (outbox.some((m) => m.to === id))
    writeOutbox(
      ctx.doc,
      outbox.filter((m) => m.to !== id),
    );
  ctx.commit([auditEntry(ctx, id, describe(gone.url, gone.events), '')]);
  return { deleted: id };
}

/** Queues a `webhook.test` message to the endpoint (re-enabling it) and delivers it now. */
export function testWebhook(ctx: AppContext, id: string): WebhooksView {
  assertWebhookOwner(ctx);
  const endpoints = readEndpoints(ctx.doc);
  const endpoint = endpoints.find((e) => e.id === id);
  if (!endpoint) fail(webhookMessages.unknownWebhook(String(id)));
  if (endpoint.disabled)
    writeEndpoints(
      ctx.doc,
      endpoints.map((e) => (e.id === id ? { ...e, disabled: null } : e)),
    );
  const made = ctx.now.getTime();
  const message: OutboxMessage = {
    id: `msg_${newId()}`,
    kind: 'webhook',
    to: id,
    key: `test:${id}`,
    type: 'webhook.test',
    made,
    body: JSON.stringify({ type: 'webhook.test', timestamp: ctx.now.toISOString(), data: { webhookId: id } }),
    tries: 0,
    next: made,
  };
  writeOutbox(ctx.doc, [...readOutbox(ctx.doc), message]);
  ctx.doc.owesDelivery();
  ctx.commit();
  return listWebhooks(ctx);
}
