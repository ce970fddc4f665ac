/**
 * Record ids: a prefix and a zero-padded number ("P-0001", "L-000001", "PL-001"). The next id is one
 * past the highest number in use, so an id is never reused, even after rows are deleted between
 * the highest and the rest. Numbers past the width keep growing ("P-10000"). Callers allocate
 * under the document lock.
 */
function numberOf(prefix: string, id: string): number | null {
  if (!id.startsWith(`${prefix}-`)) return null;
  const digits = id.slice(prefix.length + 1);
  return /^\d+$/.test(digits) ? Number(digits) : null;
}

export function formatId(prefix: string, width: number, n: number): string {
  return `${prefix}-${String(n).padStart(width, '0')}`;
}

export function highestIdNumber(prefix: string, existingIds: Iterable<string>): number {
  let highest = 0;
  for (const id of existingIds) {
    const n = numberOf(prefix, String(id).trim());
    if (n !== null && n > highest) highest = n;
  }
  return highest;
}

export function allocateIds(
  prefix: string,
  width: number,
  existingIds: Iterable<string>,
  count: number,
): string[] {
  const start = highestIdNumber(prefix, existingIds) + 1;
  return Array.from({ length: count }, (_, i) => formatId(prefix, width, start + i));
}

export function nextId(prefix: string, width: number, existingIds: Iterable<string>): string {
  return allocateIds(prefix, width, existingIds, 1)[0];
}

/** The prefixes and widths of the tracker's records. */
export const ID_FORMATS = {
  partner: { prefix: 'P', width: 4 },
  lead: { prefix: 'L', width: 6 },
  commission: { prefix: 'C', width: 6 },
  payout: { prefix: 'PO', width: 4 },
  plan: { prefix: 'PL', width: 3 },
} as const;
