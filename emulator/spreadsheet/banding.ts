/** Banding: alternating row colors over a range. */
import type { Runtime } from '../runtime';
import type { Mirror } from './mirror';
import type { BandingModel, DocModel } from './model';
import { boxOf, EmuRange, rangeIn } from './range';

export const BANDING_EXISTS =
  'You cannot add alternating colors to a range that already has alternating background colors.';

export class EmuBanding implements Mirror<
  GoogleAppsScript.Spreadsheet.Banding,
  'getRange' | 'setRange' | 'remove'
> {
  constructor(
    private readonly rt: Runtime,
    private readonly doc: DocModel,
    private readonly model: BandingModel,
  ) {}
  getRange(): EmuRange {
    return this.rt.call('Banding.getRange', () =>
      rangeIn(this.rt, this.doc, this.model.anchor.sheet, this.model.anchor),
    );
  }
  setRange(range: EmuRange): EmuBanding {
    return this.rt.call('Banding.setRange', () => {
      const { sheet, box } = boxOf(range);
      this.model.anchor = { sheet, ...box };
      return this;
    });
  }
  remove(): void {
    this.rt.call('Banding.remove', () => {
      const list = this.model.anchor.sheet.bandings;
      const i = list.indexOf(this.model);
      if (i >= 0) list.splice(i, 1);
      this.model.removed = true;
    });
  }
}
