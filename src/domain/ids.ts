/**
 * Allocating record ids (their formats are src/shared/ids.ts). The next id is one past the highest
 * number in use, so an id is never reused, even after rows are deleted between the highest and the
 * rest. Callers allocate under the document lock.
 */
import { ID_FORMATS, formatId, idNumber, type IdKind } from '../shared/ids';

export { ID_FORMATS, formatId, idNumber, type IdKind };

export function highestIdNumber(kind: IdKind, existingIds: Iterable<unknown>): number {
  let highest = 0;
  for (const id of existingIds) {
    const n = idNumber(kind, id);
    if (n !== null && n > highest) highest = n;
  }
  return highest;
}

/** Hands out ids from number `first` on, one per call. */
export function idsFrom(kind: IdKind, first: number): () => string {
  let n = first;
  return () => formatId(kind, n++);
}

/** Hands out the ids after the highest in use, one per call. */
export function idSequence(kind: IdKind, existingIds: Iterable<unknown>): () => string {
  return idsFrom(kind, highestIdNumber(kind, existingIds) + 1);
}

export function allocateIds(kind: IdKind, existingIds: Iterable<unknown>, count: number): string[] {
  const next = idSequence(kind, existingIds);
  return Array.from({ length: count }, next);
}

export function nextId(kind: IdKind, existingIds: Iterable<unknown>): string {
  return idSequence(kind, existingIds)();
}
