/**
 * Which ranges an execution read with getValues, or wrote with setValues (sheet, first row and
 * column, size): a test asks where the calls went, not only how many there were. Recorded by
 * wrapping the emulator's Range method while `fn` runs (the calls themselves are made and counted
 * as usual).
 */
import { EmuRange, boxOf } from '../../emulator/spreadsheet/range';

export interface RangeRead {
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

function rangesOf(method: 'getValues' | 'setValues', fn: () => void): RangeRead[] {
  const proto = EmuRange.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const original = proto[method];
  const ranges: RangeRead[] = [];
  proto[method] = function recorded(this: EmuRange, ...args: unknown[]) {
    const { sheet, box } = boxOf(this);
    ranges.push({ sheet: sheet.name, row: box.row, col: box.col, rows: box.numRows, cols: box.numCols });
    return original.apply(this, args);
  };
  try {
    fn();
  } finally {
    proto[method] = original;
  }
  return ranges;
}

export const rangesRead = (fn: () => void): RangeRead[] => rangesOf('getValues', fn);
export const rangesWritten = (fn: () => void): RangeRead[] => rangesOf('setValues', fn);
