/**
 * A commit's writes checked against what Google refuses in any cell (more than 50,000 characters)
 * BEFORE its journal is written: a write Google refuses would fail again each time the journal is
 * applied, and every later execution, which applies an unfinished journal first, would fail with
 * it. Refused here, the operation fails with nothing written, and so does every later write of the
 * same execution (its queued properties belong with the refused writes: a job after it in the
 * hourly run must not store them); the next execution starts clean.
 */
import { CELL_CHAR_LIMIT } from '../domain/audit/shadow';
import { a1 } from './capacity';
import type { WriteOp } from './write-op';

function tooLong(value: unknown): boolean {
  return typeof value === 'string' && value.length > CELL_CHAR_LIMIT;
}

/** The first cell of `ops` no cell can hold ("Leads!S12"), or null. */
export function cellTooLong(ops: readonly WriteOp[]): string | null {
  for (const op of ops) {
    if (op.k === 'values' || op.k === 'notes') {
      for (let i = 0; i < op.v.length; i++) {
        const j = op.v[i].findIndex(tooLong);
        if (j >= 0) return `${op.n}!${a1(op.r + i, op.c + j)}`;
      }
    }
    if (op.k === 'list' && tooLong(op.v)) return `${op.n}!${op.a[0] ?? ''}`;
  }
  return null;
}

/** The error of a commit whose staged writes hold a value no cell can hold (naming the cell), or null. */
export function refusedWrite(ops: readonly WriteOp[]): Error | null {
  const cell = cellTooLong(ops);
  return cell
    ? new Error(
        `A value for ${cell} is longer than the ${CELL_CHAR_LIMIT.toLocaleString('en-US')} characters a Google Sheets cell holds: nothing was written.`,
      )
    : null;
}
