/** Spreadsheet: the file, its sheets, names, sharing and spreadsheet-wide settings. */
import type { Runtime } from '../runtime';
import { EmuUser, emailOf } from '../user';
import { parseA1, refToBox } from './a1';
import { fileEditors, ownerOf } from './access';
import { exception, SheetErrors } from './errors';
import type { EmuDeveloperMetadata, EmuDeveloperMetadataFinder } from './metadata';
import { newMetadata } from './metadata';
import type { Mirror } from './mirror';
import type { DocModel } from './model';
import { EmuNamedRange } from './named-range';
import type { EmuProtection } from './protection';
import { boxOf, EmuRange, rangeIn } from './range';
import { EmuSheet, sheetFor, sheetModelOf } from './sheet';
import { sheetExtras } from './sheet-extras';
import { EmuDeveloperMetadata as MetadataHandle } from './metadata';
import { EmuDataSource, EmuDataSourceSheet, EmuDataSourceSpec } from './data-source';

type SpreadsheetMethods =
  | 'getId'
  | 'getName'
  | 'getUrl'
  | 'rename'
  | 'getSheets'
  | 'getNumSheets'
  | 'getSheetByName'
  | 'getSheetById'
  | 'insertSheet'
  | 'insertDataSourceSheet'
  | 'deleteSheet'
  | 'getActiveSheet'
  | 'setActiveSheet'
  | 'getActiveRange'
  | 'setActiveRange'
  | 'getSpreadsheetTimeZone'
  | 'setSpreadsheetTimeZone'
  | 'getSpreadsheetLocale'
  | 'setSpreadsheetLocale'
  | 'setNamedRange'
  | 'getRangeByName'
  | 'getNamedRanges'
  | 'removeNamedRange'
  | 'addDeveloperMetadata'
  | 'getDeveloperMetadata'
  | 'createDeveloperMetadataFinder'
  | 'getRange'
  | 'getOwner'
  | 'getEditors'
  | 'addEditor'
  | 'addEditors'
  | 'removeEditor'
  | 'getViewers'
  | 'addViewer'
  | 'addViewers'
  | 'removeViewer'
  | 'getProtections'
  | 'toast';

type UserLike = string | { getEmail(): string };

const NEW_SHEET_ROWS = 1000;
const NEW_SHEET_COLUMNS = 26;

/** Toasts shown, per document, for the test bed to read. */
export const toastsOf = new WeakMap<
  DocModel,
  Array<{ message: string; title: string; timeoutSeconds: number }>
>();

export class EmuSpreadsheet implements Mirror<GoogleAppsScript.Spreadsheet.Spreadsheet, SpreadsheetMethods> {
  constructor(
    private readonly rt: Runtime,
    private readonly doc: DocModel,
  ) {}

  getId(): string {
    return this.rt.call('Spreadsheet.getId', () => this.doc.id, { local: true });
  }
  getName(): string {
    return this.rt.call('Spreadsheet.getName', () => this.doc.name, { local: true });
  }
  getUrl(): string {
    return this.rt.call(
      'Spreadsheet.getUrl',
      () => `https://docs.google.com/spreadsheets/d/${this.doc.id}/edit`,
      { local: true },
    );
  }
  rename(newName: string): void {
    this.rt.call('Spreadsheet.rename', () => {
      this.doc.name = newName;
      const file = this.doc.record();
      if (file) file.name = newName;
    });
  }

  // ---- sheets -------------------------------------------------------------------------------
  getSheets(): EmuSheet[] {
    return this.rt.call('Spreadsheet.getSheets', () =>
      this.doc.sheets.map((s) => sheetFor(this.rt, this.doc, s)),
    );
  }
  getNumSheets(): number {
    return this.rt.call('Spreadsheet.getNumSheets', () => this.doc.sheets.length);
  }
  getSheetByName(name: string): EmuSheet | null {
    return this.rt.call('Spreadsheet.getSheetByName', () => {
      const s = this.doc.sheetByName(name);
      return s ? sheetFor(this.rt, this.doc, s) : null;
    });
  }
  getSheetById(id: number): EmuSheet | null {
    return this.rt.call('Spreadsheet.getSheetById', () => {
      const s = this.doc.sheets.find((x) => x.id === id);
      return s ? sheetFor(this.rt, this.doc, s) : null;
    });
  }
  /** insertSheet(), insertSheet(name), insertSheet(name, index), insertSheet(index). */
  /** A data-source sheet (Connected Sheets): a new sheet showing the spec's query (data-source.ts). */
  insertDataSourceSheet(spec: EmuDataSourceSpec): EmuDataSourceSheet {
    return this.rt.call('Spreadsheet.insertDataSourceSheet', () => {
      EmuDataSourceSpec.stateOf(spec);
      let n = 1;
      while (this.doc.sheetByName(`Data source ${n}`)) n++;
      const sheet = this.rt.uncounted(() => this.insertSheet(`Data source ${n}`));
      const dataSheet = new EmuDataSourceSheet(this.rt, sheet, new EmuDataSource(this.rt, spec));
      EmuDataSourceSheet.render(dataSheet);
      return dataSheet;
    });
  }

  insertSheet(nameOrIndex?: string | number, index?: number): EmuSheet {
    return this.rt.call('Spreadsheet.insertSheet', () => {
      let name = typeof nameOrIndex === 'string' ? nameOrIndex : '';
      const at = typeof nameOrIndex === 'number' ? nameOrIndex : index;
      if (!name) {
        let n = this.doc.sheets.length + 1;
        while (this.doc.sheetByName(`Sheet${n}`)) n++;
        name = `Sheet${n}`;
      }
      if (this.doc.sheetByName(name)) throw exception(SheetErrors.sheetExists(name));
      // A new sheet is 1000 rows x 26 columns: 26,000 grid cells toward the spreadsheet's limit.
      this.doc.assertGridRoom(NEW_SHEET_ROWS * NEW_SHEET_COLUMNS);
      const model = this.doc.addSheet(
        name,
        at === undefined ? this.doc.sheets.length : Math.min(at, this.doc.sheets.length),
      );
      this.doc.touch();
      this.doc.activeSheet = model;
      return sheetFor(this.rt, this.doc, model);
    });
  }
  deleteSheet(sheet: EmuSheet): void {
    this.rt.call('Spreadsheet.deleteSheet', () => {
      const model = sheetModelOf(sheet);
      if (this.doc.sheets.length === 1) throw exception(SheetErrors.lastSheet);
      const i = this.doc.sheets.indexOf(model);
      if (i < 0) return;
      this.doc.sheets.splice(i, 1);
      for (const [name, n] of this.doc.namedRanges)
        if (n.anchor.sheet === model) this.doc.namedRanges.delete(name);
      for (const list of [this.doc.protections, this.doc.metadata] as Array<
        Array<{ anchor: { sheet: unknown } | null }>
      >) {
        for (let k = list.length - 1; k >= 0; k--) if (list[k].anchor?.sheet === model) list.splice(k, 1);
      }
      if (this.doc.activeSheet === model) this.doc.activeSheet = this.doc.sheets[0];
      this.doc.touch();
      this.doc.structureVersion++;
    });
  }
  getActiveSheet(): EmuSheet {
    return this.rt.call('Spreadsheet.getActiveSheet', () => sheetFor(this.rt, this.doc, this.#activeModel()));
  }
  setActiveSheet(sheet: EmuSheet): EmuSheet {
    return this.rt.call('Spreadsheet.setActiveSheet', () => {
      this.doc.activeSheet = sheetModelOf(sheet);
      return sheet;
    });
  }
  /** The running user's selection (set by the test bed or Range.activate); A1 of the active sheet if none. */
  getActiveRange(): EmuRange | null {
    return this.rt.call('Spreadsheet.getActiveRange', () => {
      const e = this.rt.current();
      const sel = this.doc.selections.get(e.activeUser) ?? this.doc.selections.get(e.effectiveUser);
      if (sel) return rangeIn(this.rt, this.doc, sel.sheet, sel);
      return rangeIn(this.rt, this.doc, this.#activeModel(), { row: 1, col: 1, numRows: 1, numCols: 1 });
    });
  }
  setActiveRange(range: EmuRange): EmuRange {
    return this.rt.call('Spreadsheet.setActiveRange', () => range.activate());
  }
  getRange(a1Notation: string): EmuRange {
    return this.rt.call('Spreadsheet.getRange', () => {
      const ref = parseA1(a1Notation);
      const model = ref.sheetName === null ? this.#activeModel() : this.doc.sheetByName(ref.sheetName);
      if (!model) throw exception(SheetErrors.rangeNotFound);
      return rangeIn(this.rt, this.doc, model, refToBox(ref, model.maxRows, model.maxCols));
    });
  }

  // ---- settings -----------------------------------------------------------------------------
  getSpreadsheetTimeZone(): string {
    return this.rt.call('Spreadsheet.getSpreadsheetTimeZone', () => this.doc.timeZone);
  }
  setSpreadsheetTimeZone(timezone: string): void {
    this.rt.call('Spreadsheet.setSpreadsheetTimeZone', () => {
      this.doc.timeZone = timezone;
      this.doc.touch();
    });
  }
  getSpreadsheetLocale(): string {
    return this.rt.call('Spreadsheet.getSpreadsheetLocale', () => this.doc.locale);
  }
  setSpreadsheetLocale(locale: string): void {
    this.rt.call('Spreadsheet.setSpreadsheetLocale', () => void (this.doc.locale = locale));
  }

  // ---- named ranges and developer metadata --------------------------------------------------
  setNamedRange(name: string, range: EmuRange): void {
    this.rt.call('Spreadsheet.setNamedRange', () => {
      const { sheet, box } = boxOf(range);
      this.doc.namedRanges.set(name, { name, anchor: { sheet, ...box } });
    });
  }
  getRangeByName(name: string): EmuRange | null {
    return this.rt.call('Spreadsheet.getRangeByName', () => {
      const n = this.doc.namedRanges.get(name);
      return n ? rangeIn(this.rt, this.doc, n.anchor.sheet, n.anchor) : null;
    });
  }
  getNamedRanges(): EmuNamedRange[] {
    return this.rt.call('Spreadsheet.getNamedRanges', () =>
      [...this.doc.namedRanges.values()].map((n) => new EmuNamedRange(this.rt, this.doc, n)),
    );
  }
  removeNamedRange(name: string): void {
    this.rt.call('Spreadsheet.removeNamedRange', () => void this.doc.namedRanges.delete(name));
  }
  addDeveloperMetadata(key: string, valueOrVisibility?: unknown, visibility?: unknown): EmuSpreadsheet {
    return this.rt.call('Spreadsheet.addDeveloperMetadata', () => {
      newMetadata(this.doc, key, valueOrVisibility, visibility, 'SPREADSHEET', null);
      return this;
    });
  }
  getDeveloperMetadata(): EmuDeveloperMetadata[] {
    return this.rt.call('Spreadsheet.getDeveloperMetadata', () =>
      this.doc.metadata
        .filter((m) => m.locationType === 'SPREADSHEET')
        .map((m) => new MetadataHandle(this.rt, this.doc, m)),
    );
  }
  createDeveloperMetadataFinder(): EmuDeveloperMetadataFinder {
    return this.rt.call(
      'Spreadsheet.createDeveloperMetadataFinder',
      () => sheetExtras.finder(this.rt, this.doc, () => true),
      {
        local: true,
      },
    );
  }

  // ---- sharing ------------------------------------------------------------------------------
  getOwner(): EmuUser {
    return this.rt.call('Spreadsheet.getOwner', () => new EmuUser(ownerOf(this.doc)));
  }
  getEditors(): EmuUser[] {
    return this.rt.call('Spreadsheet.getEditors', () => fileEditors(this.doc).map((e) => new EmuUser(e)));
  }
  addEditor(user: UserLike): EmuSpreadsheet {
    return this.rt.call('Spreadsheet.addEditor', () => this.#share([user], 'editors'));
  }
  addEditors(emails: string[]): EmuSpreadsheet {
    return this.rt.call('Spreadsheet.addEditors', () => this.#share(emails, 'editors'));
  }
  removeEditor(user: UserLike): EmuSpreadsheet {
    return this.rt.call('Spreadsheet.removeEditor', () => {
      this.doc.record()?.editors.delete(emailOf(user));
      return this;
    });
  }
  getViewers(): EmuUser[] {
    return this.rt.call('Spreadsheet.getViewers', () =>
      [...(this.doc.record()?.viewers ?? [])]
        .filter((v) => !this.doc.record()?.editors.has(v))
        .map((v) => new EmuUser(v)),
    );
  }
  addViewer(user: UserLike): EmuSpreadsheet {
    return this.rt.call('Spreadsheet.addViewer', () => this.#share([user], 'viewers'));
  }
  addViewers(emails: string[]): EmuSpreadsheet {
    return this.rt.call('Spreadsheet.addViewers', () => this.#share(emails, 'viewers'));
  }
  removeViewer(user: UserLike): EmuSpreadsheet {
    return this.rt.call('Spreadsheet.removeViewer', () => {
      this.doc.record()?.viewers.delete(emailOf(user));
      return this;
    });
  }
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType | string): EmuProtection[] {
    return this.rt.call('Spreadsheet.getProtections', () =>
      this.doc.sheets.flatMap((s) => sheetExtras.protections(this.rt, this.doc, s, String(type))),
    );
  }
  toast(msg: string, title?: string, timeoutSeconds?: number): void {
    this.rt.call('Spreadsheet.toast', () => {
      const list = toastsOf.get(this.doc) ?? [];
      list.push({ message: String(msg), title: title ?? '', timeoutSeconds: timeoutSeconds ?? 5 });
      toastsOf.set(this.doc, list);
    });
  }

  #activeModel() {
    const active = this.doc.activeSheet;
    return active && this.doc.sheets.includes(active) ? active : this.doc.sheets[0];
  }
  #share(users: UserLike[], role: 'editors' | 'viewers'): EmuSpreadsheet {
    const file = this.doc.record();
    if (!file) return this;
    for (const u of users) {
      const email = emailOf(u);
      if (email === file.owner) continue;
      file[role].add(email);
      if (role === 'editors') file.viewers.delete(email);
    }
    return this;
  }
}

const handles = new WeakMap<DocModel, EmuSpreadsheet>();

export function spreadsheetFor(rt: Runtime, doc: DocModel): EmuSpreadsheet {
  let h = handles.get(doc);
  if (!h) {
    h = new EmuSpreadsheet(rt, doc);
    handles.set(doc, h);
  }
  return h;
}

/** Internal: the document behind a spreadsheet handle. */
export function docOf(ss: EmuSpreadsheet): DocModel {
  return (ss as unknown as { doc: DocModel }).doc;
}

/** Internal: the runtime behind a spreadsheet handle. */
export function rtOf(ss: EmuSpreadsheet): Runtime {
  return (ss as unknown as { rt: Runtime }).rt;
}
