/**
 * The document behind the handles: a spreadsheet's sheets and their cell layers, and the objects
 * anchored to ranges (named ranges, protections, developer metadata, conditional formats,
 * bandings) which move when rows and columns are inserted or deleted. Handles (EmuSpreadsheet,
 * EmuSheet, EmuRange, ...) hold a reference to these and nothing else of their own.
 */
import type { DriveFileRecord } from '../runtime';
import type { GridBox } from './a1';
import type { CellValue } from './cells';
import { exception, GRID_CELL_LIMIT, SheetErrors } from './errors';
import { Layer } from './layer';

/** A rectangle of one sheet that follows inserted and deleted rows and columns. */
export interface Anchor extends GridBox {
  sheet: SheetModel;
  /** Set when every cell of it was deleted. */
  gone?: boolean;
}

export type ValidationCriteria = string;

export interface ValidationRule {
  criteria: ValidationCriteria;
  /** Criteria arguments as getCriteriaValues returns them (a range argument is an Anchor). */
  args: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

export interface ProtectionModel {
  id: string;
  type: 'RANGE' | 'SHEET';
  anchor: Anchor;
  editors: Set<string>;
  domainEdit: boolean;
  warningOnly: boolean;
  description: string;
  rangeName: string | null;
  unprotected: Anchor[];
  removed: boolean;
}

export type MetadataLocationType = 'SPREADSHEET' | 'SHEET' | 'ROW' | 'COLUMN';

export interface MetadataModel {
  id: number;
  key: string;
  value: string | null;
  visibility: 'DOCUMENT' | 'PROJECT';
  locationType: MetadataLocationType;
  /** The sheet for SHEET; the row span (ROW) or column span (COLUMN) otherwise. */
  anchor: Anchor | null;
  removed: boolean;
}

export interface ConditionalRuleModel {
  condition: { type: string; values: unknown[] };
  format: { background?: string | null; fontColor?: string | null; bold?: boolean | null };
  anchors: Anchor[];
}

export interface BandingModel {
  theme: string;
  anchor: Anchor;
  removed: boolean;
}

export class SheetModel {
  maxRows = 1000;
  maxCols = 26;
  hidden = false;
  frozenRows = 0;
  frozenCols = 0;
  tabColor: string | null = null;
  readonly values = new Layer<CellValue>();
  readonly formulas = new Layer<string>();
  readonly formats = new Layer<string>();
  readonly notes = new Layer<string>();
  readonly backgrounds = new Layer<string>();
  readonly fontWeights = new Layer<string>();
  readonly alignments = new Layer<string>();
  readonly wraps = new Layer<boolean>();
  readonly validations = new Layer<ValidationRule>();
  readonly columnWidths = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  conditionalRules: ConditionalRuleModel[] = [];
  readonly bandings: BandingModel[] = [];

  constructor(
    readonly doc: DocModel,
    readonly id: number,
    public name: string,
  ) {}

  /** Every cell layer, for structural changes. */
  layers(): Array<Layer<unknown>> {
    return [
      this.values,
      this.formulas,
      this.formats,
      this.notes,
      this.backgrounds,
      this.fontWeights,
      this.alignments,
      this.wraps,
      this.validations,
    ] as Array<Layer<unknown>>;
  }

  /** The last row / column with content (a value or a formula), as getLastRow counts it. */
  lastRow(): number {
    return Math.max(this.values.lastRow(), this.formulas.lastRow());
  }
  lastColumn(): number {
    return Math.max(this.values.lastColumn(), this.formulas.lastColumn());
  }
}

export interface NamedRangeModel {
  name: string;
  anchor: Anchor;
}

export class DocModel {
  readonly sheets: SheetModel[] = [];
  readonly namedRanges = new Map<string, NamedRangeModel>();
  readonly metadata: MetadataModel[] = [];
  readonly protections: ProtectionModel[] = [];
  activeSheet: SheetModel | null = null;
  /** The selection of each user (the test bed sets it; Range.activate sets the running user's). */
  readonly selections = new Map<string, Anchor>();
  nextSheetId = 0;
  nextMetadataId = 1;
  /** Bumped by every change to cells or structure: the formula engine rebuilds when it moved. */
  version = 0;
  structureVersion = 0;
  file: DriveFileRecord | null = null;
  /** The Drive registry, for copies whose record the Drive service creates. */
  files: Map<string, DriveFileRecord> | null = null;

  constructor(
    readonly id: string,
    public name: string,
    public timeZone: string,
    public locale: string,
  ) {}

  /** Grid cells of every sheet (maxRows x maxColumns, empty cells included), as Sheets counts them. */
  gridCells(): number {
    let cells = 0;
    for (const s of this.sheets) cells += s.maxRows * s.maxCols;
    return cells;
  }

  /** Throws Sheets' error when `added` more grid cells would pass the 10-million-cell limit. */
  assertGridRoom(added: number): void {
    if (added > 0 && this.gridCells() + added > GRID_CELL_LIMIT) throw exception(SheetErrors.cellLimit);
  }

  sheetByName(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  addSheet(name: string, index = this.sheets.length): SheetModel {
    const sheet = new SheetModel(this, this.nextSheetId, name);
    this.nextSheetId = this.nextSheetId === 0 ? 1_000_000 + 7 : this.nextSheetId + 7919;
    this.sheets.splice(index, 0, sheet);
    this.structureVersion++;
    return sheet;
  }

  /** Every anchor in the document, for structural changes. */
  anchors(): Anchor[] {
    const out: Anchor[] = [];
    for (const n of this.namedRanges.values()) out.push(n.anchor);
    for (const p of this.protections) out.push(p.anchor, ...p.unprotected);
    for (const m of this.metadata) if (m.anchor && m.locationType !== 'SHEET') out.push(m.anchor);
    for (const s of this.sheets) {
      for (const r of s.conditionalRules) out.push(...r.anchors);
      for (const b of s.bandings) out.push(b.anchor);
    }
    for (const a of this.selections.values()) out.push(a);
    return out;
  }

  /** The file's Drive record (owner, editors, viewers). */
  record(): DriveFileRecord | null {
    return this.file ?? this.files?.get(this.id) ?? null;
  }

  touch(): void {
    this.version++;
  }
}
