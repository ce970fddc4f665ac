/**
 * The notification queue: which email is owed for which lead, kept in document properties as compact
 * entries ({e: event, l: lead id, d: day queued}), about 50 bytes each, split over shards of at most
 * 8,000 bytes (a value holds 9 KB; the store 500 KB). The email itself is rendered when it is sent,
 * from the lead as it is then. Every execution already reads all document properties with one call,
 * so reading the queue costs nothing more, and writing it rides on the execution's one property write.
 */
import type { NotificationEvent } from '../../domain/notifications';
import type { TrackerDocument } from '../../sheets/document';

export interface Notice {
  e: NotificationEvent;
  l: string;
  d: string;
  /**
   * Sent by the commit that queued it, just before its landing write (TrackerDocument
   * sendBeforeLanding), with this tag: no longer owed (dropped by the next write of the queue)
   * unless that commit's journal is applied again, which removes the tag (`owedAgain`).
   */
  t?: string;
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

/** The notices owed (those a commit sent before its landing write, tagged, are not). */
export function readQueue(doc: TrackerDocument): Notice[] {
  return rawQueue((key) => doc.property(key), shardKeys(doc)).filter((n) => !n.t);
}

/** Queues the write of the whole queue (flushed with the execution's property write). Returns what did not fit. */
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

/**
 * Queues a notice sent by the commit being made (tagged `tag`): written with the commit, it is owed
 * only if the commit's journal is applied again (`owedAgain`).
 */
export function enqueueSent(doc: TrackerDocument, notice: Notice, tag: string): void {
  const queue = readQueue(doc).filter((n) => n.e !== notice.e || n.l !== notice.l);
  writeQueue(doc, [...queue, { ...notice, t: tag }]);
}

/** The queue with the notices tagged `tag` owed again (their send did not prove itself). */
export function untagNotices(doc: TrackerDocument, tag: string): void {
  const all = rawQueue((key) => doc.property(key), shardKeys(doc));
  writeQueue(
    doc,
    all.map((n) => (n.t === tag ? untagged(n) : n)),
  );
}

/** The shards' values with every notice tagged one of `tags` owed again (a journal applied again). */
export function owedAgain(
  props: Readonly<Record<string, string>>,
  tags: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(props).filter((k) => k.startsWith(QUEUE_PREFIX))) {
    const items = rawQueue((k) => props[k] ?? null, [key]);
    if (!items.some((n) => n.t && tags.includes(n.t))) continue;
    out[key] = JSON.stringify(items.map((n) => (n.t && tags.includes(n.t) ? untagged(n) : n)));
  }
  return out;
}

const untagged = (n: Notice): Notice => ({ e: n.e, l: n.l, d: n.d });

/** Every notice of the shards `keys`, tagged or not (a damaged shard is skipped; the rest still goes out). */
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
