/**
 * RangeList (https://developers.google.com/apps-script/reference/spreadsheet/range-list): ranges of
 * one sheet named by A1 notations (Sheet.getRangeList). `setValue` sets one value in every cell of
 * every range with ONE service call (each cell checked and written as Range.setValue writes it);
 * `clearContent` empties them the same way. An empty list, a notation that does not parse, lies
 * outside the sheet or names another sheet throws. The ranges are written in order: what Google
 * does when one of them is protected from the user (all or none?) is not documented; here the
 * ranges before it are written.
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
      const ref = parseA1(a1);
      // "the ranges in the same sheet": a notation naming another sheet is refused
      if (ref.sheetName !== null && ref.sheetName !== model.name)
        throw exception(SheetErrors.invalidArgument('a1Notations'));
      return rangeIn(rt, doc, model, refToBox(ref, model.maxRows, model.maxCols));
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
