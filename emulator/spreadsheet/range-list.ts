/**
 * RangeList (https://developers.google.com/apps-script/reference/spreadsheet/range-list): ranges of
 * one sheet named by A1 notations (Sheet.getRangeList). `setValue` sets one value in every cell of
 * every range with ONE service call (each cell checked and written as Range.setValue writes it);
 * `clearContent` empties them the same way. An empty list, or a notation that does not parse or
 * lies outside the sheet, throws as Google does.
 */
import type { Runtime } from '../runtime';
import { parseA1, refToBox } from './a1';
import { exception, SheetErrors } from './errors';
import type { DocModel, SheetModel } from './model';
import { type EmuRange, rangeIn, boxOf } from './range';

export class EmuRangeList {
  readonly #ranges: EmuRange[];

  constructor(
    private readonly rt: Runtime,
    doc: DocModel,
    model: SheetModel,
    a1Notations: readonly string[],
  ) {
    if (!Array.isArray(a1Notations) || a1Notations.length === 0)
      throw exception(SheetErrors.invalidArgument('a1Notations'));
    this.#ranges = a1Notations.map((a1) => {
      if (typeof a1 !== 'string') throw exception(SheetErrors.invalidArgument('a1Notations'));
      return rangeIn(rt, doc, model, refToBox(parseA1(a1), model.maxRows, model.maxCols));
    });
  }

  getRanges(): EmuRange[] {
    return this.rt.call('RangeList.getRanges', () => [...this.#ranges], { local: true });
  }

  setValue(value: unknown): EmuRangeList {
    return this.rt.call(
      'RangeList.setValue',
      () => {
        for (const range of this.#ranges) range.setValue(value);
        return this;
      },
      { written: this.#cells() },
    );
  }

  clearContent(): EmuRangeList {
    return this.rt.call(
      'RangeList.clearContent',
      () => {
        for (const range of this.#ranges) range.clearContent();
        return this;
      },
      { written: this.#cells() },
    );
  }

  #cells(): number {
    return this.#ranges.reduce((n, r) => {
      const { box } = boxOf(r);
      return n + box.numRows * box.numCols;
    }, 0);
  }
}
