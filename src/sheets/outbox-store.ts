/**
 * The outbox in document properties: messages as JSON, spread over shards of at most 8,000 bytes
 * (`tracker.outbox.<i>`; a value holds 9 KB), at most OUTBOX_SHARDS of them (the store holds 500 KB,
 * shared with the journal and the rest). Every execution reads all document properties with one
 * call, so reading the outbox costs nothing; writing it rides on the commit's one property write,
 * which is what makes a message part of the change it announces.
 */
import type { OutboxMessage } from '../domain/webhooks/outbox';
import type { TrackerDocument } from './document';
import { byteLength } from './journal';

export const OUTBOX_PREFIX = 'tracker.outbox.';
const SHARD_BYTES = 8000;
export const OUTBOX_SHARDS = 16;
/** Events not queued because the outbox was full (a count the Integrations page shows). */
export const OUTBOX_DROPPED = 'tracker.outboxDropped';

function shardKeys(doc: TrackerDocument): string[] {
  return doc
    .propertyKeys()
    .filter((key) => key.startsWith(OUTBOX_PREFIX))
    .sort((a, b) => Number(a.slice(OUTBOX_PREFIX.length)) - Number(b.slice(OUTBOX_PREFIX.length)));
}

export function readOutbox(doc: TrackerDocument): OutboxMessage[] {
  const out: OutboxMessage[] = [];
  for (const key of shardKeys(doc)) {
    try {
      const items = JSON.parse(doc.property(key) || '[]') as OutboxMessage[];
      if (Array.isArray(items)) out.push(...items.filter((m) => m && m.id && m.to));
    } catch {
      // a damaged shard is skipped; the rest still goes out
    }
  }
  return out;
}

/** Queues the write of the whole outbox (with the execution's property write); returns what did not fit. */
export function writeOutbox(doc: TrackerDocument, messages: readonly OutboxMessage[]): OutboxMessage[] {
  const shards: string[] = [];
  let current: string[] = [];
  let size = 2;
  const overflow: OutboxMessage[] = [];
  for (const message of messages) {
    const item = JSON.stringify(message);
    const bytes = byteLength(item);
    if (size + bytes + 1 > SHARD_BYTES && current.length) {
      shards.push(`[${current.join(',')}]`);
      current = [];
      size = 2;
    }
    if (shards.length >= OUTBOX_SHARDS || bytes + 2 > SHARD_BYTES) {
      overflow.push(message);
      continue;
    }
    current.push(item);
    size += bytes + 1;
  }
  if (current.length) shards.push(`[${current.join(',')}]`);
  const before = shardKeys(doc);
  shards.forEach((text, i) => {
    if (doc.property(`${OUTBOX_PREFIX}${i}`) !== text) doc.setProperty(`${OUTBOX_PREFIX}${i}`, text);
  });
  for (const key of before) {
    const index = Number(key.slice(OUTBOX_PREFIX.length));
    if (index >= shards.length && doc.property(key) !== '[]') doc.setProperty(key, '[]');
  }
  if (overflow.length)
    doc.setProperty(OUTBOX_DROPPED, String(Number(doc.property(OUTBOX_DROPPED) || 0) + overflow.length));
  return overflow;
}
