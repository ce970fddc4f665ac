/**
 * The writes a commit stages (types only): each the absolute content of a range, so applying one
 * twice changes nothing. Made by journal.ts `applyOp`.
 */
/** Where a write goes: the sheet by id, with its name for the one-call range lookup. */
export interface OpTarget {
  s: number;
  n: string;
}

/** Where a journal too big for a property is written: a column of the shadow sheet from row `r`. */
export type JournalSpot = OpTarget & { r: number; c: number };

/** One write, applied by the service method named in `k`, at row `r`, column `c` (1-based). */
export type WriteOp =
  | (OpTarget & {
      k: 'values';
      r: number;
      c: number;
      v: unknown[][];
      /**
       * Rows (0-based in `v`) whose cells the sheet already holds, as this execution read them under
       * the lock (a shadow row bridged between two changed ones): the journal stores the op without
       * them, as a `patch` (journal.ts encodeOps). Only for cells that hold no formula.
       */
      same?: readonly number[];
    })
  /**
   * A `values` op as the journal stores it when most of its rows are already in the sheet: the
   * range `h` rows by `w` columns from (`r`, `c`), of which only the rows `p` ([offset, cells]) are
   * new. Applied again by reading the range and writing it with those rows over it (two calls).
   */
  | (OpTarget & { k: 'patch'; r: number; c: number; h: number; w: number; p: Array<[number, unknown[]]> })
  | (OpTarget & { k: 'notes'; r: number; c: number; v: string[][] })
  | (OpTarget & { k: 'formats'; r: number; c: number; v: string[][] })
  | (OpTarget & { k: 'backgrounds'; r: number; c: number; v: string[][] })
  /** One value set in every cell of the A1 notations `a` (one RangeList.setValue: scattered-cells.ts). */
  | (OpTarget & { k: 'list'; a: string[]; v: unknown })
  /**
   * The sheet grows from `from` rows (its size when the op was planned) to `to` (`need` at least,
   * near the cell limit): capacity.ts applyRowsOp.
   */
  | (OpTarget & { k: 'rows'; from: number; need: number; to: number })
  /** `count` rows deleted from row `r` of a sheet that had `expect` rows (skipped if it no longer has). */
  | (OpTarget & { k: 'deleteRows'; r: number; count: number; expect: number });
