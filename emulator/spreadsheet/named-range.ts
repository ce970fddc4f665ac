/** NamedRange: a name for a range that moves with inserted and deleted rows. */
import type { Runtime } from '../runtime';
import { exception } from './errors';
import type { Mirror } from './mirror';
import type { DocModel, NamedRangeModel } from './model';
import { boxOf, EmuRange, rangeIn } from './range';

type NamedRangeMethods = 'getName' | 'setName' | 'getRange' | 'setRange' | 'remove';

export class EmuNamedRange implements Mirror<GoogleAppsScript.Spreadsheet.NamedRange, NamedRangeMethods> {
  constructor(
    private readonly rt: Runtime,
    private readonly doc: DocModel,
    private readonly model: NamedRangeModel,
  ) {}
  getName(): string {
    return this.rt.call('NamedRange.getName', () => this.model.name);
  }
  setName(name: string): EmuNamedRange {
    return this.rt.call('NamedRange.setName', () => {
      if (this.doc.namedRanges.has(name))
        throw exception(`A named range with the name "${name}" already exists.`);
      this.doc.namedRanges.delete(this.model.name);
      this.model.name = name;
      this.doc.namedRanges.set(name, this.model);
      return this;
    });
  }
  getRange(): EmuRange {
    return this.rt.call('NamedRange.getRange', () =>
      rangeIn(this.rt, this.doc, this.model.anchor.sheet, this.model.anchor),
    );
  }
  setRange(range: EmuRange): EmuNamedRange {
    return this.rt.call('NamedRange.setRange', () => {
      const { sheet, box } = boxOf(range);
      this.model.anchor = { sheet, ...box };
      return this;
    });
  }
  remove(): void {
    this.rt.call('NamedRange.remove', () => void this.doc.namedRanges.delete(this.model.name));
  }
}
