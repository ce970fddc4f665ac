/**
 * Blocking for the near-identical name match, exact for the edit budget of `allowedEdits`: a name
 * key of length L that allows k edits is cut into 2k + 1 segments. One edit touches at most two
 * segments (a swap of neighbours across a boundary), so two keys within k edits share at least one
 * untouched segment, shifted by at most k places (pigeonhole). The index stores each segment under
 * (L, segment number, text); a query looks up, for every length L within 2 of its own, each segment
 * position shifted by -k..k: at most 125 lookups, whatever the number of leads.
 */
import { allowedEdits } from './similarity';

const MAX_EDITS = allowedEdits(Number.MAX_SAFE_INTEGER);

function segments(length: number): Array<{ start: number; size: number }> {
  const parts = 2 * allowedEdits(length) + 1;
  const result: Array<{ start: number; size: number }> = [];
  let start = 0;
  for (let i = 0; i < parts; i++) {
    const size = Math.floor((length - start) / (parts - i));
    result.push({ start, size });
    start += size;
  }
  return result;
}

/** The blocks a key is stored under. */
export function indexBlocks(key: string): string[] {
  if (key === '') return [];
  return segments(key.length).map(
    ({ start, size }, i) => `${key.length}|${i}|${key.slice(start, start + size)}`,
  );
}

/** The blocks to look up for a candidate key: every stored key within its edit budget is under one of them. */
export function queryBlocks(key: string): string[] {
  if (key === '') return [];
  const blocks = new Set<string>();
  for (let length = Math.max(1, key.length - MAX_EDITS); length <= key.length + MAX_EDITS; length++) {
    const shift = allowedEdits(length);
    if (Math.abs(length - key.length) > shift) continue;
    segments(length).forEach(({ start, size }, i) => {
      for (let d = -shift; d <= shift; d++) {
        const from = start + d;
        if (from < 0 || from + size > key.length) continue;
        blocks.add(`${length}|${i}|${key.slice(from, from + size)}`);
      }
    });
  }
  return [...blocks];
}
