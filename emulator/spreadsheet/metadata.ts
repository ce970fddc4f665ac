/** Developer metadata, its location, and the finder. */
import type { Runtime } from '../runtime';
import type { GridBox } from './a1';
import { exception } from './errors';
import type { Mirror } from './mirror';
import type { DocModel, MetadataLocationType, MetadataModel, SheetModel } from './model';
import { EmuRange, rangeIn } from './range';
import { sheetFor, type EmuSheet } from './sheet';
import { spreadsheetFor, type EmuSpreadsheet } from './spreadsheet';

export const ARBITRARY_RANGE_METADATA =
  'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.';

/** Reads addDeveloperMetadata's (key, value?, visibility?) overloads. */
export function newMetadata(
  doc: DocModel,
  key: string,
  valueOrVisibility: unknown,
  visibility: unknown,
  locationType: MetadataLocationType,
  anchor: MetadataModel['anchor'],
): MetadataModel {
  const isVisibility = (v: unknown) => v === 'DOCUMENT' || v === 'PROJECT';
  let value: string | null = null;
  let vis: 'DOCUMENT' | 'PROJECT' = 'DOCUMENT';
  if (visibility !== undefined) {
    value = valueOrVisibility === undefined || valueOrVisibility === null ? null : String(valueOrVisibility);
    vis = String(visibility) as 'DOCUMENT' | 'PROJECT';
  } else if (isVisibility(valueOrVisibility)) {
    vis = valueOrVisibility as 'DOCUMENT' | 'PROJECT';
  } else if (valueOrVisibility !== undefined && valueOrVisibility !== null) {
    value = String(valueOrVisibility);
  }
  const model: MetadataModel = {
    id: doc.nextMetadataId++,
    key,
    value,
    visibility: vis,
    locationType,
    anchor,
    removed: false,
  };
  doc.metadata.push(model);
  return model;
}

/** Where metadata added to this box goes: whole rows -> ROW, whole columns -> COLUMN. */
export function rangeLocation(sheet: SheetModel, box: GridBox): MetadataLocationType {
  if (box.col === 1 && box.numCols === sheet.maxCols) return 'ROW';
  if (box.row === 1 && box.numRows === sheet.maxRows) return 'COLUMN';
  throw exception(ARBITRARY_RANGE_METADATA);
}

type MetadataMethods =
  | 'getId'
  | 'getKey'
  | 'setKey'
  | 'getValue'
  | 'setValue'
  | 'getVisibility'
  | 'setVisibility'
  | 'getLocation'
  | 'remove';

export class EmuDeveloperMetadata implements Mirror<
  GoogleAppsScript.Spreadsheet.DeveloperMetadata,
  MetadataMethods
> {
  constructor(
    private readonly rt: Runtime,
    private readonly doc: DocModel,
    private readonly model: MetadataModel,
  ) {}
  getId(): number {
    return this.rt.call('DeveloperMetadata.getId', () => this.model.id);
  }
  getKey(): string {
    return this.rt.call('DeveloperMetadata.getKey', () => this.model.key);
  }
  setKey(key: string): EmuDeveloperMetadata {
    return this.rt.call('DeveloperMetadata.setKey', () => {
      this.model.key = key;
      return this;
    });
  }
  getValue(): string | null {
    return this.rt.call('DeveloperMetadata.getValue', () => this.model.value);
  }
  setValue(value: string): EmuDeveloperMetadata {
    return this.rt.call('DeveloperMetadata.setValue', () => {
      this.model.value = value;
      return this;
    });
  }
  getVisibility(): string {
    return this.rt.call('DeveloperMetadata.getVisibility', () => this.model.visibility);
  }
  setVisibility(visibility: string): EmuDeveloperMetadata {
    return this.rt.call('DeveloperMetadata.setVisibility', () => {
      this.model.visibility = visibility as 'DOCUMENT' | 'PROJECT';
      return this;
    });
  }
  getLocation(): EmuDeveloperMetadataLocation {
    return this.rt.call(
      'DeveloperMetadata.getLocation',
      () => new EmuDeveloperMetadataLocation(this.rt, this.doc, this.model),
    );
  }
  remove(): void {
    this.rt.call('DeveloperMetadata.remove', () => {
      this.model.removed = true;
      const i = this.doc.metadata.indexOf(this.model);
      if (i >= 0) this.doc.metadata.splice(i, 1);
    });
  }
}

type LocationMethods = 'getLocationType' | 'getRow' | 'getColumn' | 'getSheet' | 'getSpreadsheet';

export class EmuDeveloperMetadataLocation implements Mirror<
  GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation,
  LocationMethods
> {
  constructor(
    private readonly rt: Runtime,
    private readonly doc: DocModel,
    private readonly model: MetadataModel,
  ) {}
  getLocationType(): MetadataLocationType {
    return this.rt.call('DeveloperMetadataLocation.getLocationType', () => this.model.locationType);
  }
  getRow(): EmuRange | null {
    return this.rt.call('DeveloperMetadataLocation.getRow', () => this.#span('ROW'));
  }
  getColumn(): EmuRange | null {
    return this.rt.call('DeveloperMetadataLocation.getColumn', () => this.#span('COLUMN'));
  }
  getSheet(): EmuSheet | null {
    return this.rt.call('DeveloperMetadataLocation.getSheet', () =>
      this.model.locationType === 'SHEET' && this.model.anchor
        ? sheetFor(this.rt, this.doc, this.model.anchor.sheet)
        : null,
    );
  }
  getSpreadsheet(): EmuSpreadsheet | null {
    return this.rt.call('DeveloperMetadataLocation.getSpreadsheet', () =>
      this.model.locationType === 'SPREADSHEET' ? spreadsheetFor(this.rt, this.doc) : null,
    );
  }
  #span(type: MetadataLocationType): EmuRange | null {
    const a = this.model.anchor;
    if (this.model.locationType !== type || !a) return null;
    return rangeIn(this.rt, this.doc, a.sheet, a);
  }
}

type FinderMethods = 'withKey' | 'withValue' | 'withLocationType' | 'withId' | 'withVisibility' | 'find';

/** Finds metadata within a scope (the spreadsheet, a sheet, or a range's intersecting rows/columns). */
export class EmuDeveloperMetadataFinder implements Mirror<
  GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder,
  FinderMethods
> {
  #filters: Array<(m: MetadataModel) => boolean> = [];

  constructor(
    private readonly rt: Runtime,
    private readonly doc: DocModel,
    private readonly scope: (m: MetadataModel) => boolean,
  ) {}
  withKey(key: string): EmuDeveloperMetadataFinder {
    return this.rt.call('DeveloperMetadataFinder.withKey', () => this.#filter((m) => m.key === key), {
      local: true,
    });
  }
  withValue(value: string): EmuDeveloperMetadataFinder {
    return this.rt.call('DeveloperMetadataFinder.withValue', () => this.#filter((m) => m.value === value), {
      local: true,
    });
  }
  withLocationType(type: string): EmuDeveloperMetadataFinder {
    return this.rt.call(
      'DeveloperMetadataFinder.withLocationType',
      () => this.#filter((m) => m.locationType === String(type)),
      {
        local: true,
      },
    );
  }
  withId(id: number): EmuDeveloperMetadataFinder {
    return this.rt.call('DeveloperMetadataFinder.withId', () => this.#filter((m) => m.id === id), {
      local: true,
    });
  }
  withVisibility(visibility: string): EmuDeveloperMetadataFinder {
    return this.rt.call(
      'DeveloperMetadataFinder.withVisibility',
      () => this.#filter((m) => m.visibility === String(visibility)),
      {
        local: true,
      },
    );
  }
  find(): EmuDeveloperMetadata[] {
    return this.rt.call('DeveloperMetadataFinder.find', () =>
      this.doc.metadata
        .filter((m) => !m.removed && this.scope(m) && this.#filters.every((f) => f(m)))
        .map((m) => new EmuDeveloperMetadata(this.rt, this.doc, m)),
    );
  }
  #filter(f: (m: MetadataModel) => boolean): EmuDeveloperMetadataFinder {
    this.#filters.push(f);
    return this;
  }
}
