/**
 * Announcing a commit's changes: the audit entries a commit appends (every change is audited, from
 * every source) become record changes, the domain decides their events, and one outbox message per
 * subscribed endpoint is queued in the SAME property write as the change (appendAudit calls this
 * before the commit's journaled step). So a change is announced exactly when it is made: an execution
 * that dies before the property write leaves neither; after it, both, and the message is delivered
 * by this execution or a later one.
 */
import { ROW_ADDED, type AuditEntry } from '../domain/audit/entry';
import { decodeShadow } from '../domain/audit/shadow';
import { announcementsOf, type RecordChange } from '../domain/webhooks/announcements';
import type { OutboxMessage } from '../domain/webhooks/outbox';
import type { TrackerDocument } from './document';
import { newId } from './http';
import { readOutbox, writeOutbox } from './outbox-store';
import { sheetDef, type SheetKey } from './schema';
import { readEndpoints } from './webhook-store';
import { readSlack } from './slack-store';
import { conflictOf } from '../domain/slack/conflicts';
import { conflictMessage } from '../domain/slack/message';

const ANNOUNCED: ReadonlySet<string> = new Set(['leads', 'commissions', 'payouts', 'partners']);

/** The record changes of audit entries of the announced sheets, in the order first seen. */
export function recordChanges(doc: TrackerDocument, entries: readonly AuditEntry[]): RecordChange[] {
  const layout = doc.layout();
  const byName = new Map<string, SheetKey>();
  for (const [key, entry] of Object.entries(layout.sheets))
    if (entry && ANNOUNCED.has(key)) byName.set(entry.name, key as SheetKey);
  const changes = new Map<string, RecordChange>();
  const headers = new Map<SheetKey, Map<string, string>>();
  for (const entry of entries) {
    const sheet = byName.get(entry.sheet);
    if (!sheet || !entry.recordId) continue;
    let keys = headers.get(sheet);
    if (!keys) headers.set(sheet, (keys = new Map(sheetDef(sheet).columns.map((c) => [c.header, c.key]))));
    const id = `${sheet}\u0000${entry.recordId}`;
    let change = changes.get(id);
    if (!change) {
      change = { sheet, id: entry.recordId, added: false, fields: {}, at: entry.timestamp };
      changes.set(id, change);
    }
    if (entry.field === ROW_ADDED) {
      change.added = true;
      for (const [key, value] of Object.entries(decodeShadow(entry.newValue)))
        change.fields[key] = { old: '', new: String(value ?? '') };
      continue;
    }
    const key = keys.get(entry.field);
    if (!key) continue;
    const idKey = sheetDef(sheet).id?.column;
    if (key === idKey && entry.oldValue === '') change.added = true;
    const known = change.fields[key];
    change.fields[key] = { old: known ? known.old : entry.oldValue, new: entry.newValue };
  }
  return [...changes.values()];
}

/**
 * Queues the messages the entries announce: webhook events for the endpoints that listen, and a
 * Slack message for each conflict a registration revealed. Nothing (no call, no write) when nothing
 * is connected.
 */
export function announce(doc: TrackerDocument, entries: readonly AuditEntry[]): void {
  if (!entries.length) return;
  const endpoints = readEndpoints(doc).filter((e) => !e.disabled);
  const slack = readSlack(doc);
  const slackOn = slack !== null && !slack.disabled;
  if (!endpoints.length && !slackOn) return;
  if (entries.every((e) => e.source === 'setup')) return;
  const changes = recordChanges(
    doc,
    entries.filter((e) => e.source !== 'setup'),
  );
  const events = endpoints.length ? changes.flatMap(announcementsOf) : [];
  const messages: OutboxMessage[] = [];
  let base: string | null = null;
  if (slackOn)
    for (const change of changes) {
      const notice = conflictOf(change);
      if (!notice) continue;
      base ??= newId();
      const made = Date.parse(change.at);
      messages.push({
        id: `msg_${base}${messages.length.toString(36)}`,
        kind: 'slack',
        to: 'slack',
        key: 'slack',
        type: 'slack.conflict',
        made,
        body: JSON.stringify(conflictMessage(notice)),
        tries: 0,
        next: made,
      });
    }
  for (const event of events) {
    const body = JSON.stringify({ type: event.type, timestamp: event.at, data: event.data });
    for (const endpoint of endpoints) {
      if (!endpoint.events.includes(event.type)) continue;
      base ??= newId();
      const made = Date.parse(event.at);
      messages.push({
        id: `msg_${base}${messages.length.toString(36)}`,
        kind: 'webhook',
        to: endpoint.id,
        key: event.key,
        type: event.type,
        made,
        body,
        tries: 0,
        next: made,
      });
    }
  }
  if (!messages.length) return;
  writeOutbox(doc, [...readOutbox(doc), ...messages]);
  doc.owesDelivery();
}
