/** SpreadsheetApp: the global the bundle sees. */
import { MIME_SHEETS, type Runtime } from '../runtime';
import { EmuConditionalFormatRuleBuilder } from './conditional';
import * as enums from './enums';
import { exception } from './errors';
import type { Mirror } from './mirror';
import type { EmuRange } from './range';
import { docOf, spreadsheetFor, type EmuSpreadsheet } from './spreadsheet';
import { createSpreadsheetFile } from './testbed';
import { EmuDataValidationBuilder } from './validation';
import { enableExecution } from '../bigquery/registry';
import { EmuDataSourceSpecBuilder } from './data-source';

type AppMethods =
  | 'getActiveSpreadsheet'
  | 'getActive'
  | 'openById'
  | 'openByUrl'
  | 'create'
  | 'flush'
  | 'getUi'
  | 'newDataValidation'
  | 'newConditionalFormatRule'
  | 'getActiveSheet'
  | 'getActiveRange'
  | 'setActiveSpreadsheet'
  | 'enableBigQueryExecution'
  | 'newDataSourceSpec';

export interface SpreadsheetAppOptions {
  /** The Ui the harness provides (SpreadsheetApp.getUi returns it as is). */
  getUi: () => unknown;
  active?: EmuSpreadsheet;
}

const actives = new WeakMap<EmuSpreadsheetApp, EmuSpreadsheet | null>();

export class EmuSpreadsheetApp implements Mirror<GoogleAppsScript.Spreadsheet.SpreadsheetApp, AppMethods> {
  readonly DataValidationCriteria = enums.DataValidationCriteria;
  readonly ProtectionType = enums.ProtectionType;
  readonly DeveloperMetadataVisibility = enums.DeveloperMetadataVisibility;
  readonly DeveloperMetadataLocationType = enums.DeveloperMetadataLocationType;
  readonly BandingTheme = enums.BandingTheme;
  readonly WrapStrategy = enums.WrapStrategy;
  readonly BorderStyle = enums.BorderStyle;
  readonly BooleanCriteria = enums.BooleanCriteria;
  readonly PivotTableSummarizeFunction = enums.PivotTableSummarizeFunction;

  constructor(
    private readonly rt: Runtime,
    private readonly options: SpreadsheetAppOptions,
  ) {
    actives.set(this, options.active ?? null);
  }

  /** Lets this execution run BigQuery queries for Connected Sheets (data-source.ts). */
  enableBigQueryExecution(): void {
    this.rt.call('SpreadsheetApp.enableBigQueryExecution', () => enableExecution(this.rt));
  }
  newDataSourceSpec(): EmuDataSourceSpecBuilder {
    return this.rt.call('SpreadsheetApp.newDataSourceSpec', () => new EmuDataSourceSpecBuilder(this.rt), {
      local: true,
    });
  }

  /** The file the script is bound to; null outside a container (a web app, a standalone run). */
  getActiveSpreadsheet(): EmuSpreadsheet | null {
    return this.rt.call('SpreadsheetApp.getActiveSpreadsheet', () => actives.get(this) ?? null, {
      local: true,
    });
  }
  getActive(): EmuSpreadsheet | null {
    return this.rt.call('SpreadsheetApp.getActive', () => actives.get(this) ?? null, { local: true });
  }
  setActiveSpreadsheet(spreadsheet: EmuSpreadsheet): void {
    this.rt.call('SpreadsheetApp.setActiveSpreadsheet', () => void actives.set(this, spreadsheet));
  }
  getActiveSheet() {
    return this.rt.call('SpreadsheetApp.getActiveSheet', () => this.#requireActive().getActiveSheet());
  }
  getActiveRange(): EmuRange | null {
    return this.rt.call('SpreadsheetApp.getActiveRange', () => this.#requireActive().getActiveRange());
  }
  openById(id: string): EmuSpreadsheet {
    return this.rt.call('SpreadsheetApp.openById', () => this.#open(id));
  }
  openByUrl(url: string): EmuSpreadsheet {
    return this.rt.call('SpreadsheetApp.openByUrl', () => {
      const m = /\/spreadsheets\/d\/([^/]+)/.exec(url);
      if (!m) throw exception('Invalid argument: url');
      return this.#open(m[1]);
    });
  }
  /** A new file owned by the user the script runs as. */
  create(name: string, rows?: number, columns?: number): EmuSpreadsheet {
    return this.rt.call('SpreadsheetApp.create', () => {
      const e = this.rt.current();
      const parent = actives.get(this);
      const ss = createSpreadsheetFile(this.rt, {
        name,
        owner: e.effectiveUser,
        timeZone: parent ? docOf(parent).timeZone : 'UTC',
        locale: parent ? docOf(parent).locale : 'en_US',
      });
      const sheet = docOf(ss).sheets[0];
      if (rows) sheet.maxRows = rows;
      if (columns) sheet.maxCols = columns;
      this.rt.scriptCreatedFile(ss.getId(), e.effectiveUser);
      return ss;
    });
  }
  /** Writes are applied at once in the emulator; flush is a counted no-op. */
  flush(): void {
    this.rt.call('SpreadsheetApp.flush', () => undefined);
  }
  getUi(): unknown {
    return this.rt.call('SpreadsheetApp.getUi', () => this.options.getUi(), { local: true });
  }
  newDataValidation(): EmuDataValidationBuilder {
    return this.rt.call('SpreadsheetApp.newDataValidation', () => new EmuDataValidationBuilder(this.rt), {
      local: true,
    });
  }
  newConditionalFormatRule(): EmuConditionalFormatRuleBuilder {
    return this.rt.call(
      'SpreadsheetApp.newConditionalFormatRule',
      () => new EmuConditionalFormatRuleBuilder(this.rt),
      {
        local: true,
      },
    );
  }

  #requireActive(): EmuSpreadsheet {
    const active = actives.get(this);
    if (!active) throw exception('There is no active spreadsheet.');
    return active;
  }
  #open(id: string): EmuSpreadsheet {
    const file = this.rt.files.get(id);
    const user = this.rt.current().effectiveUser;
    if (!file || file.trashed || file.mimeType !== MIME_SHEETS) {
      throw exception(
        'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
      );
    }
    if (file.owner !== user && !file.editors.has(user) && !file.viewers.has(user)) {
      throw exception('You do not have permission to access the requested document.');
    }
    return spreadsheetFor(this.rt, docOf(file.content as EmuSpreadsheet));
  }
}

/** The test bed's switch of the bound file. */
export function setActive(app: EmuSpreadsheetApp, ss: EmuSpreadsheet | null): void {
  actives.set(app, ss);
}

export function createSpreadsheetApp(rt: Runtime, options: SpreadsheetAppOptions): EmuSpreadsheetApp {
  return new EmuSpreadsheetApp(rt, options);
}
