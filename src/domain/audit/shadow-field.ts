/**
 * One field of a shadow cell (the compact JSON `encodeShadow` writes) read without parsing the whole
 * cell: a daily job scans 100,000 cells for the few rows it needs, and parses only those. Exact for
 * any cell `encodeShadow` wrote: inside a JSON string every quote is escaped, so `"key":"` is found
 * only where the key is; a value holding an escape is decoded by JSON.parse.
 */
import { addDays } from '../dates';

export function shadowField(raw: string, key: string): string {
  const marker = `"${key}":"`;
  const at = raw.indexOf(marker);
  if (at < 0) return '';
  const from = at + marker.length;
  let i = from;
  let escaped = false;
  while (i < raw.length) {
    const c = raw.charCodeAt(i);
    if (c === 92 /* \ */) {
      escaped = true;
      i += 2;
      continue;
    }
    if (c === 34 /* " */) break;
    i++;
  }
  const inner = raw.slice(from, i);
  return escaped ? (JSON.parse(`"${inner}"`) as string) : inner;
}

/**
 * Whether an instant or day written in a shadow cell ("2026-04-02T04:00:00.000Z" or "2026-04-02") can
 * fall on a day in [from, to] in the spreadsheet's time zone (UTC-12 to UTC+14: its UTC date is that
 * day, the day before or the day after). Text that is no date at all may be anything: true.
 */
export function mayFallOn(text: string, from: string, to: string): boolean {
  const head = text.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(head)) return text !== '';
  return head >= addDays(from, -1) && head <= addDays(to, 1);
}
