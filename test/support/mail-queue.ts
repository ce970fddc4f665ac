/**
 * Stores in document properties as the tracker writes them (a JSON array per value of at most 8,000
 * characters, under a prefix and a number), and the lead-notice queue filled to its room
 * (app/notifications/queue.ts: 32 such values), as a long backlog leaves it.
 */
const SHARD_CHARS = 8000;

/** `items` packed into values of at most 8,000 characters: `<prefix>0`, `<prefix>1`, ... */
export function propertyShards(
  prefix: string,
  items: Iterable<unknown>,
  most = Infinity,
): Record<string, string> {
  const out: Record<string, string> = {};
  let shard: string[] = [];
  let n = 0;
  for (const item of items) {
    const text = JSON.stringify(item);
    if (shard.length && shard.join(',').length + text.length + 3 > SHARD_CHARS) {
      out[`${prefix}${n++}`] = `[${shard.join(',')}]`;
      shard = [];
      if (n === most) return out;
    }
    shard.push(text);
  }
  if (shard.length) out[`${prefix}${n}`] = `[${shard.join(',')}]`;
  return out;
}

/** The lead-notice queue full: 32 values of notices of leads that do not exist (a delivery drops them). */
export function fullNoticeQueue(): Record<string, string> {
  function* notices() {
    for (let i = 0; ; i++) yield { e: 'registered', l: `L-${900000 + i}`, d: '2026-03-01' };
  }
  return propertyShards('tracker.mailQueue.', notices(), 32);
}
