/**
 * Near-identical company names. Two names match when their normalized forms, spaces removed, are
 * equal or within a few typing edits (optimal string alignment distance: insert, delete,
 * substitute, swap two neighbours): none under 5 characters ("Acme" is not "Acne"), 1 up to 15
 * ("Globex" ~ "Globexx"), 2 from 16. A different word ("Acme" vs "Acne Studios") is never that close,
 * and two edits in a short name are another company ("Crystal Motors" is not "Coastal Motors").
 */
import { companyNameTokens } from './companyName';

export function nameKey(name: string): string {
  return companyNameTokens(name).join('');
}

export function allowedEdits(length: number): number {
  if (length < 5) return 0;
  return length < 16 ? 1 : 2;
}

/** Optimal string alignment distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(0);
    current[0] = i;
    let rowMin = current[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, before[j - 2] + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length];
}

/**
 * The set of characters a name key holds, as bits (a-z one bit each, digits folded into the 6 bits
 * left). One edit changes the set by at most two characters (a substitution removes one and adds
 * one, an insertion or deletion one, a swap none), so two keys within k edits differ in at most 2k
 * bits: a test of a few nanoseconds that rules out almost every pair of a block before the edit
 * distance is computed. Folding digits only merges bits, so the test never rules out a true match.
 */
export function charMask(key: string): number {
  let mask = 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c >= 97 && c <= 122) mask |= 1 << (c - 97);
    else if (c >= 48 && c <= 57) mask |= 1 << (26 + ((c - 48) % 6));
    else mask |= 1 << 31;
  }
  return mask;
}

function bitCount(n: number): number {
  let v = n - ((n >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** keysMatch with the keys' charMask already known (the conflict index keeps one per lead). */
export function keysMatchMasked(a: string, maskA: number, b: string, maskB: number): boolean {
  if (a === '' || b === '') return false;
  if (a === b) return true;
  const max = allowedEdits(Math.min(a.length, b.length));
  if (max === 0 || Math.abs(a.length - b.length) > max) return false;
  if (bitCount(maskA ^ maskB) > 2 * max) return false;
  return withinEdits(a, b, max);
}

const FAR = 1 << 20;
let scratch: Int32Array[] = [];

/**
 * editDistance(a, b) <= max, computing only the diagonal band |i - j| <= max of the table (cells
 * outside it exceed max anyway) in three reused rows: O(length x (2 max + 1)), no allocation.
 */
export function withinEdits(a: string, b: string, max: number): boolean {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return false;
  if (!scratch.length || scratch[0].length < m + 2) scratch = [0, 1, 2].map(() => new Int32Array(m + 18));
  let [before, previous, current] = scratch;
  for (let j = 0; j <= m; j++) previous[j] = j <= max ? j : FAR;
  previous[m + 1] = FAR;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(m, i + max);
    current[lo - 1] = lo === 1 ? i : FAR;
    let rowMin = current[lo - 1];
    for (let j = lo; j <= hi; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, before[j - 2] + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    current[hi + 1] = FAR;
    if (rowMin > max) return false;
    const spare = before;
    before = previous;
    previous = current;
    current = spare;
  }
  return previous[m] <= max;
}

/** Whether two name keys (see nameKey) are near-identical. */
export function keysMatch(a: string, b: string): boolean {
  return keysMatchMasked(a, charMask(a), b, charMask(b));
}

export function namesMatch(a: string, b: string): boolean {
  return keysMatch(nameKey(a), nameKey(b));
}
