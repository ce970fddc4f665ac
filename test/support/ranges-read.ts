/**
 * Which ranges an execution read with getValues (sheet, first row and column, size): a test asks
 * where the calls went, not only how many there were. Recorded by wrapping the emulator's
 * Range.getValues while `fn` runs (the calls themselves are made and counted as usual).
 */
import { EmuRange, boxOf } from '../../emulator/spreadsheet/range';

export interface RangeRead {
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export function rangesRead(fn: () => void): RangeRead[] {
  const original = EmuRange.prototype.getValues;
  const reads: RangeRead[] = [];
  EmuRange.prototype.getValues = function getValues(this: EmuRange) {
    const { sheet, box } = boxOf(this);
    reads.push({ sheet: sheet.name, row: box.row, col: box.col, rows: box.numRows, cols: box.numCols });
    return original.call(this);
  };
  try {
    fn();
  } finally {
    EmuRange.prototype.getValues = original;
  }
  return reads;
}
