/**
 * The notification queue: which email is owed for which lead, kept in document properties as compact
 * entries ({e: event, l: lead id, d: day queued}), about 50 bytes each, split over shards of at most
 * 8,000 bytes (a value holds 9 KB; the store 500 KB). The email itself is rendered when it is sent,
 * from the lead as it is then. Every execution already reads all document properties with one call,
 * so reading the queue costs nothing more, and writing it rides on the execution's one property write.
 */
import type { NotificationEvent } from '../../domain/notifications';
import type { TrackerDocument } from '../../sheets/document';
import { countMailNotKept } from '../../sheets/mail-not-kept';

export interface Notice {
  e: NotificationEvent;
  l: string;
  d: string;
}

export const QUEUE_PREFIX = 'tracker.mailQueue.';
const SHARD_BYTES = 8000;
/** At most this many shards (256 KB): far more than a year of over-quota mail for one program. */
const MAX_SHARDS = 32;

function shardKeys(doc: TrackerDocument): string[] {
  return doc
    .propertyKeys()
    .filter((key) => key.startsWith(QUEUE_PREFIX))
    .sort((a, b) => Number(a.slice(QUEUE_PREFIX.length)) - Number(b.slice(QUEUE_PREFIX.length)));
}

/** The notices owed, oldest first. */
export function readQueue(doc: TrackerDocument): Notice[] {
  return rawQueue((key) => doc.property(key), shardKeys(doc));
}

/**
 * Queues the write of the whole queue (flushed with the execution's property write). Returns what
 * did not fit, also counted for the Partners page (sheets/mail-not-kept.ts).
 */
export function writeQueue(doc: TrackerDocument, notices: readonly Notice[]): Notice[] {
  const shards: string[] = [];
  let current: string[] = [];
  let size = 2;
  const overflow: Notice[] = [];
  for (const notice of notices) {
    const item = JSON.stringify(notice);
    if (size + item.length + 1 > SHARD_BYTES && current.length) {
      shards.push(`[${current.join(',')}]`);
      current = [];
      size = 2;
    }
    if (shards.length >= MAX_SHARDS) {
      overflow.push(notice);
      continue;
    }
    current.push(item);
    size += item.length + 1;
  }
  if (current.length && shards.length < MAX_SHARDS) shards.push(`[${current.join(',')}]`);
  const before = shardKeys(doc);
  shards.forEach((text, i) => {
    if (doc.property(`${QUEUE_PREFIX}${i}`) !== text) doc.setProperty(`${QUEUE_PREFIX}${i}`, text);
  });
  for (const key of before) {
    const index = Number(key.slice(QUEUE_PREFIX.length));
    if (index >= shards.length && doc.property(key) !== '[]') doc.setProperty(key, '[]');
  }
  countMailNotKept(doc, overflow.length);
  return overflow;
}

/** Adds notices to the queue (the same email for the same lead is owed once). */
export function enqueue(doc: TrackerDocument, notices: readonly Notice[]): void {
  if (!notices.length) return;
  const queue = readQueue(doc);
  const owed = new Set(queue.map((n) => `${n.e} ${n.l}`));
  for (const notice of notices) {
    const key = `${notice.e} ${notice.l}`;
    if (owed.has(key)) continue;
    owed.add(key);
    queue.push(notice);
  }
  writeQueue(doc, queue);
}

/** Every notice of the shards `keys` (a damaged shard is skipped; the rest still goes out). */
function rawQueue(property: (key: string) => string | null, keys: readonly string[]): Notice[] {
  const out: Notice[] = [];
  for (const key of keys) {
    try {
      const items = JSON.parse(property(key) ?? '[]') as Notice[];
      if (Array.isArray(items)) out.push(...items.filter((n) => n && n.e && n.l));
    } catch {
      // skipped
    }
  }
  return out;
}
