/**
 * The lead-notice queue filled to its room (app/notifications/queue.ts: 32 values of at most 8,000
 * characters), as a long backlog leaves it: the document properties to set. Notices of leads that do
 * not exist (the next delivery drops them as gone).
 */
const SHARD_CHARS = 8000;
const SHARDS = 32;

export function fullNoticeQueue(): Record<string, string> {
  const out: Record<string, string> = {};
  let shard: string[] = [];
  let n = 0;
  for (let i = 0; n < SHARDS; i++) {
    const text = JSON.stringify({ e: 'registered', l: `L-${900000 + i}`, d: '2026-03-01' });
    if (shard.length && shard.join(',').length + text.length + 3 > SHARD_CHARS) {
      out[`tracker.mailQueue.${n++}`] = `[${shard.join(',')}]`;
      shard = [];
    }
    shard.push(text);
  }
  return out;
}
