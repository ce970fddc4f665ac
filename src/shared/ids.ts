/**
 * Record ids, in one place: a prefix, a dash and a number zero-padded to a width ("P-0001",
 * "L-000001", "C-000001", "PO-0001", "PL-001"); numbers past the width keep growing ("P-10000").
 * Every id the tracker writes is made by `formatId` and every id it reads is parsed by `idNumber`;
 * allocation (one past the highest number in use) is domain/ids.ts.
 */
export const ID_FORMATS = {
  partner: { prefix: 'P', width: 4 },
  lead: { prefix: 'L', width: 6 },
  commission: { prefix: 'C', width: 6 },
  payout: { prefix: 'PO', width: 4 },
  plan: { prefix: 'PL', width: 3 },
} as const;

export type IdKind = keyof typeof ID_FORMATS;

export function formatId(kind: IdKind, n: number): string {
  const { prefix, width } = ID_FORMATS[kind];
  return `${prefix}-${String(n).padStart(width, '0')}`;
}

/** The number of an id of this kind (" L-000042 " -> 42, "L-7" -> 7), null for anything else. */
export function idNumber(kind: IdKind, id: unknown): number | null {
  const text = id === null || id === undefined ? '' : String(id).trim();
  const head = `${ID_FORMATS[kind].prefix}-`;
  if (!text.startsWith(head)) return null;
  const digits = text.slice(head.length);
  return /^\d+$/.test(digits) ? Number(digits) : null;
}

/** Whether `id` is exactly an id the tracker would write (no spaces, the full width: "L-000042"). */
export function isStandardId(kind: IdKind, id: string): boolean {
  const n = idNumber(kind, id);
  return n !== null && formatId(kind, n) === id;
}

/** An id of this kind as a person may type one (after trimming): the prefix, a dash, at least `width` digits. */
export function looksLikeId(kind: IdKind, text: string): boolean {
  const { prefix, width } = ID_FORMATS[kind];
  return text.startsWith(`${prefix}-`) && new RegExp(`^\\d{${width},}$`).test(text.slice(prefix.length + 1));
}

/** The first id of a kind, shown as the example in messages ("L-000001"). */
export function exampleId(kind: IdKind): string {
  return formatId(kind, 1);
}
