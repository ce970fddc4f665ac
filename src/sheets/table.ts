/**
 * A typed table over one tracker sheet: ALL rows read with ONE getValues (header included, so moved
 * columns are noticed and re-mapped in memory), records keyed by camelCase column key, changes made
 * in memory and handed to the audited writer (`writer.ts`), which writes one setValues per contiguous
 * block of changed rows. User columns the tracker does not know are read and kept as they are.
 */
import type { TrackerDocument } from './document';
import { keysByPosition, mapColumns, rowWidth, type SheetLayout } from './layout';
import { normalizeHeader, sheetDef, type SheetDef, type SheetKey } from './schema';
import { nextId } from '../domain/ids';
import { readPlainText } from '../domain/formula-text';
import { isPlainTextColumn } from './cell-text';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export type CellValue = string | number | boolean | Date;
export type RecordValues = Record<string, CellValue>;

export interface TableRow {
  /** 1-based sheet row. */
  readonly row: number;
  /** The row's values by column key ('' for empty cells); user extras as "#Header". */
  readonly record: Readonly<RecordValues>;
}

export interface RowChange {
  row: number;
  before: unknown[];
  after: unknown[];
  appended: boolean;
}

/**
 * A row of a sparse table that was not read (openSparseFromShadow): empty to rows(), and never to be
 * changed (its real values are unknown, so writing it would overwrite them).
 */
export const NOT_READ = Object.freeze([]) as unknown as unknown[];

export class Table {
  readonly def: SheetDef;
  readonly sheet: Sheet;
  private layoutEntry: SheetLayout;
  private original: unknown[][] | null = null;
  private current: unknown[][] = [];
  private readonly touched = new Set<number>();
  /** rows() built once and kept up to date by update() (callers get the same array). */
  private rowCache: TableRow[] | null = null;
  private rowAt = new Map<number, number>();
  private idIndex: Map<string, number> | null = null;
  private shadowValues = false;

  constructor(
    readonly doc: TrackerDocument,
    readonly key: SheetKey,
  ) {
    this.def = sheetDef(key);
    const sheet = doc.sheet(key);
    const entry = doc.layout().sheets[key];
    if (!sheet || !entry)
      throw new Error(
        `The ${this.def.name} sheet is missing: run Extensions > Partnership Tracker > Set up tracker.`,
      );
    this.sheet = sheet;
    this.layoutEntry = entry;
  }

  get name(): string {
    return this.sheet.getName();
  }

  get layout(): SheetLayout {
    return this.layoutEntry;
  }

  /** The 0-based positions of the plain-text columns the tracker defines. */
  plainColumns(): number[] {
    const defs = new Map(this.def.columns.map((c) => [c.key, c]));
    const out: number[] = [];
    keysByPosition(this.layoutEntry).forEach((key, col) => {
      if (col > 0 && isPlainTextColumn(defs.get(key))) out.push(col - 1);
    });
    return out;
  }

  /** Column key -> 1-based column. */
  col(key: string): number {
    const col = this.layoutEntry.cols[key];
    if (!col) throw new Error(`The ${this.def.name} sheet has no column for ${key}: run Set up tracker.`);
    return col;
  }

  /**
   * Reads the table (once): one getDataRange().getValues(). `known` hands it the sheet's values when
   * the caller already read them (set-up reads each sheet once), header row first.
   */
  load(known?: unknown[][]): this {
    if (this.original) return this;
    const values = known ?? this.sheet.getDataRange().getValues();
    const headers = values[0] ?? [];
    this.remapIfMoved(headers);
    this.original = values.slice(1);
    unguardPlainText(this.original, this.plainColumns());
    // Rows are shared with `original` until changed (copied on the first update): a 100,000-row
    // table is not held twice.
    this.current = this.original.slice();
    return this;
  }

  /**
   * Reads the table from values rebuilt from its shadow (`valuesFromShadow`, header row first): text
   * where the sheet may hold another type, so the writer reads back the cells of a write block it
   * does not change instead of writing these values over them (see `fromShadow`).
   */
  loadFromShadow(values: unknown[][]): this {
    if (this.original) return this;
    this.shadowValues = true;
    return this.load(values);
  }

  /** True when some rows were not read (NOT_READ): rows() holds only those that were. */
  get sparse(): boolean {
    this.load();
    return this.original!.some((values) => values === NOT_READ);
  }

  /** True when the rows were read from the shadow rather than the sheet (values may differ in type). */
  get fromShadow(): boolean {
    return this.shadowValues;
  }

  /**
   * Data rows (sheet rows 2..), skipping empty rows. Built once per table and kept current by
   * update() and append(), so asking again costs nothing (do not modify the returned array).
   */
  rows(): TableRow[] {
    this.load();
    if (this.rowCache) return this.rowCache;
    const keys = keysByPosition(this.layoutEntry);
    const rows: TableRow[] = [];
    this.rowAt = new Map();
    this.current.forEach((values, i) => {
      if (values.every((v) => v === '' || v === null)) return;
      this.rowAt.set(i + 2, rows.length);
      rows.push({ row: i + 2, record: toRecord(keys, values) });
    });
    this.rowCache = rows;
    return rows;
  }

  /** The record of sheet row `row` as it stands in memory, or null for an empty row. */
  rowOf(row: number): TableRow | null {
    const rows = this.rows();
    const at = this.rowAt.get(row);
    return at === undefined ? null : rows[at];
  }

  /** The row whose id column holds `id`, or null (an index built once). */
  findById(id: string): TableRow | null {
    const idKey = this.def.id?.column;
    if (!idKey) throw new Error(`${this.def.name} has no id column`);
    if (!this.idIndex) {
      this.idIndex = new Map();
      for (const { row, record } of this.rows()) {
        const value = String(record[idKey]);
        if (!this.idIndex.has(value)) this.idIndex.set(value, row);
      }
    }
    const row = this.idIndex.get(id);
    return row === undefined ? null : this.rowOf(row);
  }

  /**
   * Rows read after the table was opened (sheet values, full width), for rows it had NOT_READ: an
   * earlier lead a registration turned out to conflict with. Rows already read are left as they are.
   */
  fill(firstRow: number, values: readonly unknown[][]): void {
    this.load();
    const plain = this.plainColumns();
    values.forEach((rowValues, i) => {
      const at = firstRow + i - 2;
      if (at < 0 || this.current[at] !== NOT_READ) return;
      const row = [...rowValues];
      unguardPlainText([row], plain);
      this.original![at] = row;
      this.current[at] = row;
    });
    this.rowCache = null;
    this.idIndex = null;
  }

  /** Changes fields of a row in memory (written by the writer). */
  update(row: number, patch: Partial<RecordValues>): void {
    this.load();
    let values = this.current[row - 2];
    if (!values) throw new Error(`${this.def.name} has no row ${row}`);
    if (values === NOT_READ)
      throw new Error(`${this.def.name} row ${row} was not read: it cannot be changed`);
    if (values === this.original?.[row - 2]) values = this.current[row - 2] = [...values];
    for (const [key, value] of Object.entries(patch)) {
      const col = this.columnOf(key);
      while (values.length < col) values.push('');
      values[col - 1] = value ?? '';
    }
    this.touched.add(row);
    this.refreshCached(row, values);
  }

  /** Keeps rows() and the id index in step with a changed row. */
  private refreshCached(row: number, values: unknown[]): void {
    if (!this.rowCache) return;
    this.idIndex = null;
    const at = this.rowAt.get(row);
    const empty = values.every((v) => v === '' || v === null);
    const last = this.rowCache[this.rowCache.length - 1];
    if (at !== undefined && !empty) {
      this.rowCache[at] = { row, record: toRecord(keysByPosition(this.layoutEntry), values) };
    } else if (at === undefined && !empty && (!last || last.row < row)) {
      this.rowAt.set(row, this.rowCache.length);
      this.rowCache.push({ row, record: toRecord(keysByPosition(this.layoutEntry), values) });
    } else if (at !== undefined || !empty) {
      this.rowCache = null;
    }
  }

  /** Adds a row after the last row with content; returns its sheet row. */
  append(record: Partial<RecordValues>): number {
    this.load();
    let last = this.current.length;
    while (last > 0 && this.current[last - 1].every((v) => v === '' || v === null)) last--;
    const width = rowWidth(this.layoutEntry);
    const row = last + 2;
    this.current[last] = new Array(width).fill('');
    this.update(row, record);
    return row;
  }

  /** The next id ("P-0007"): one more than the largest number among existing ids. */
  nextId(): string {
    const spec = this.def.id;
    if (!spec) throw new Error(`${this.def.name} has no id column`);
    return nextId(
      spec.kind,
      this.rows().map(({ record }) => record[spec.column]),
    );
  }

  /** The rows changed in memory since load, with their values before and after (full width). */
  changes(): RowChange[] {
    const out: RowChange[] = [];
    for (const row of [...this.touched].sort((a, b) => a - b)) {
      const before = this.original?.[row - 2] ?? [];
      const after = this.current[row - 2];
      out.push({ row, before: [...before], after: [...after], appended: !this.original?.[row - 2] });
    }
    return out;
  }

  /** A row's values as they stand in memory (full width; [] past the end). */
  valuesAt(row: number): readonly unknown[] {
    this.load();
    return this.current[row - 2] ?? [];
  }

  /** Called by the writer once the changes are written. */
  markWritten(): void {
    for (const row of this.touched) this.original![row - 2] = this.current[row - 2];
    this.touched.clear();
  }

  /** Keys of the columns by position (for the audit and the shadow). */
  keys(): string[] {
    return keysByPosition(this.layoutEntry);
  }

  private columnOf(key: string): number {
    return this.layoutEntry.cols[key] ?? this.layoutEntry.extras[key] ?? this.col(key);
  }

  /**
   * If the header row no longer matches the cached layout (a column moved, added or renamed), map it
   * again by header in memory; a column renamed by its user keeps its place. The layout cache is
   * rewritten with the writer's property write.
   */
  private remapIfMoved(headers: readonly unknown[]): void {
    const entry = this.layoutEntry;
    const headerOf = new Map(this.def.columns.map((c) => [c.key, normalizeHeader(c.header)]));
    const inPlace =
      headers.length === entry.width &&
      Object.entries(entry.cols).every(
        ([key, col]) => normalizeHeader(headers[col - 1]) === headerOf.get(key),
      ) &&
      Object.entries(entry.extras).every(
        ([key, col]) => String(headers[col - 1] ?? '').trim() === key.slice(1),
      );
    if (inPlace) return;
    const kept = new Map<string, number>();
    for (const [key, col] of Object.entries(entry.cols)) {
      const header = normalizeHeader(headers[col - 1]);
      const known = [...headerOf.values()].includes(header);
      if (col <= headers.length && header !== '' && !known) kept.set(key, col);
    }
    const { cols, extras } = mapColumns(this.def, headers, kept);
    const next: SheetLayout = { ...entry, cols, extras, width: headers.length };
    this.doc.layout().sheets[this.key] = next;
    this.layoutEntry = next;
    this.doc.markLayoutChanged();
  }
}

/** Plain-text cells that hold `cellText`'s guard apostrophe ("'=..."): read back as written. */
export function unguardPlainText(rows: unknown[][], plain: readonly number[]): void {
  if (!plain.length) return;
  for (const row of rows) {
    if (!row || row === NOT_READ) continue;
    for (const j of plain) {
      const v = row[j];
      if (typeof v === 'string' && v.startsWith("'")) row[j] = readPlainText(v);
    }
  }
}

function toRecord(keys: readonly string[], values: readonly unknown[]): RecordValues {
  const record: RecordValues = {};
  for (let col = 1; col < keys.length; col++) {
    const key = keys[col];
    if (key) record[key] = (values[col - 1] ?? '') as CellValue;
  }
  return record;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const NUMERIC = new Set(['money', 'integer', 'percent', 'number']);
const TEXT = 0;
const DATE = 1;
const NUMBER = 2;

/**
 * A tracked sheet's values rebuilt from its shadow rows (row 2 first), header row first, for
 * `Table.load`: the header as the layout has it, date columns back to Dates, number columns back to
 * numbers, the rest as the text the shadow holds. For reading what the tracker knows and appending
 * rows; not for rewriting rows (their other cells would be written back as text).
 */
export function valuesFromShadow(
  key: SheetKey,
  layout: SheetLayout,
  rows: ReadonlyArray<Readonly<Record<string, string>>>,
): unknown[][] {
  const def = sheetDef(key);
  const keys = keysByPosition(layout).slice(1);
  const byKey = new Map(def.columns.map((c) => [c.key, c]));
  const header = keys.map((k) => byKey.get(k)?.header ?? (k.startsWith('#') ? k.slice(1) : ''));
  // Each column's conversion decided once, not per cell (100,000 rows x 19 columns at scale).
  const kinds = keys.map((k) => kindOf(byKey.get(k)?.format));
  const out: unknown[][] = [header];
  for (const row of rows) {
    const values = new Array<unknown>(keys.length);
    for (let i = 0; i < keys.length; i++) values[i] = cellOfShadow(row[keys[i]] ?? '', kinds[i]);
    out.push(values);
  }
  return out;
}

function kindOf(format: string | undefined): number {
  return format === 'date' ? DATE : format && NUMERIC.has(format) ? NUMBER : TEXT;
}

/** A shadow text as the cell value the sheet holds, by the column's kind (THE rule of the shadow). */
function cellOfShadow(text: string, kind: number): unknown {
  if (text === '' || kind === TEXT) return text;
  if (kind === DATE) return ISO_INSTANT.test(text) ? new Date(text) : text;
  return text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
}

/**
 * The cell value of column `column` of sheet `key` from its shadow text, as valuesFromShadow makes
 * it: for a reader that needs a few columns of many rows (the Dashboard) without building the table.
 */
export function shadowCellReader(key: SheetKey, column: string): (text: string) => unknown {
  const kind = kindOf(sheetDef(key).columns.find((c) => c.key === column)?.format);
  return (text) => cellOfShadow(text, kind);
}
