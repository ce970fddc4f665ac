/**
 * Near-identical company names. Two names match when their normalized forms, spaces removed, are
 * equal or within a few typing edits (optimal string alignment distance: insert, delete,
 * substitute, swap two neighbours): none under 5 characters ("Acme" is not "Acne"), 1 up to 9
 * ("Globex" ~ "Globexx"), 2 from 10. A different word ("Acme" vs "Acne Studios") is never that close.
 */
import { companyNameTokens } from './companyName';

export function nameKey(name: string): string {
  return companyNameTokens(name).join('');
}

export function allowedEdits(length: number): number {
  if (length < 5) return 0;
  return length < 10 ? 1 : 2;
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

/** Whether two name keys (see nameKey) are near-identical. */
export function keysMatch(a: string, b: string): boolean {
  if (a === '' || b === '') return false;
  if (a === b) return true;
  const max = allowedEdits(Math.min(a.length, b.length));
  return max > 0 && editDistance(a, b, max) <= max;
}

export function namesMatch(a: string, b: string): boolean {
  return keysMatch(nameKey(a), nameKey(b));
}
