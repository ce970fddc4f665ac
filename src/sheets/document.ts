/**
 * The document an execution works on, with what it costs counted: the spreadsheet handle, the
 * document properties (read ONCE per execution: the layout cache and the audit tail live there),
 * the document lock (taken once), and the layout (from the cache, else discovered from the workbook).
 */
import {
  LAYOUT_PROPERTY,
  columnMetadata,
  identifySheets,
  mapColumns,
  parseLayout,
  sheetTags,
  type Layout,
  type SheetTag,
} from './layout';
import { columnLetter } from './capacity';
import { Days } from './days';
import { SHADOW_SHEET_NAME, TRACKED_SHEETS, sheetDef, type SheetKey } from './schema';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const LOCK_WAIT_MS = 30_000;
/** The spreadsheet's time zone as last asked (see `days`). */
export const TIME_ZONE_PROPERTY = 'tracker.timeZone';

export class TrackerDocument {
  private props: Record<string, string> | null = null;
  private pending: Record<string, string> = {};
  private layoutValue: Layout | null = null;
  private locked = false;
  private readonly sheetCache = new Map<number, Sheet | null>();
  private store: GoogleAppsScript.Properties.Properties | null = null;

  private daysValue: Days | null = null;

  constructor(readonly ss: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet()) {}

  /**
   * ISO days <-> date cells in the spreadsheet's time zone (asked once per execution). Every execution
   * that asks keeps what it got in a document property (written with its property write);
   * `lastSeen` takes that instead of asking (no call), for a call that must stay small: a time zone
   * changed since is seen by the next execution that asks (the hourly trigger asks every hour).
   */
  days(lastSeen = false): Days {
    if (this.daysValue) return this.daysValue;
    const known = lastSeen ? this.property(TIME_ZONE_PROPERTY) : null;
    if (known) return (this.daysValue = new Days(known));
    const days = Days.of(this.ss);
    try {
      if (this.property(TIME_ZONE_PROPERTY) !== days.timeZone)
        this.setProperty(TIME_ZONE_PROPERTY, days.timeZone);
    } catch {
      // no document properties in this execution (a simple trigger without authorization)
    }
    return (this.daysValue = days);
  }

  /** All document properties, read with one call the first time. */
  properties(): Record<string, string> {
    if (!this.props) this.props = this.propertyStore().getProperties();
    return this.props;
  }

  /** The keys of every document property, those queued by this execution included. */
  propertyKeys(): string[] {
    return Object.keys({ ...this.properties(), ...this.pending });
  }

  property(key: string): string | null {
    return this.pending[key] ?? this.properties()[key] ?? null;
  }

  /** Queues a property write; `flushProperties` writes all queued ones with one call. */
  setProperty(key: string, value: string): void {
    this.pending[key] = value;
  }

  private deferIdle = false;

  /**
   * For the hourly run: a property write that follows no cell write waits for the run's final flush
   * (one call instead of one per job). A flush after cells were written (the audit tail, the layout)
   * is never deferred: the next execution must find them.
   */
  deferIdleFlushes(): void {
    this.deferIdle = true;
  }

  flushProperties(options: { afterCellWrites?: boolean; final?: boolean } = {}): void {
    if (this.deferIdle && !options.afterCellWrites && !options.final) return;
    if (this.layoutDirty && this.layoutValue)
      this.pending[LAYOUT_PROPERTY] = JSON.stringify(this.layoutValue);
    this.layoutDirty = false;
    if (!Object.keys(this.pending).length) return;
    this.propertyStore().setProperties(this.pending);
    this.props = { ...this.properties(), ...this.pending };
    this.pending = {};
  }

  private propertyStore(): GoogleAppsScript.Properties.Properties {
    if (!this.store) this.store = PropertiesService.getDocumentProperties();
    return this.store;
  }

  /**
   * A range of a sheet known by id and (cached) name: one call (Spreadsheet.getRange with the sheet's
   * name) instead of finding the sheet first; falls back to the id when the tab was renamed.
   */
  range(
    id: number,
    name: string,
    row: number,
    col: number,
    rows = 1,
    cols = 1,
  ): GoogleAppsScript.Spreadsheet.Range {
    const known = this.sheetCache.get(id);
    if (known) return known.getRange(row, col, rows, cols);
    const a1 = `${columnLetter(col)}${row}:${columnLetter(col + cols - 1)}${row + rows - 1}`;
    try {
      const range = this.ss.getRange(`'${name.replace(/'/g, "''")}'!${a1}`);
      if (range.getSheet().getSheetId() === id) return range;
    } catch {
      // renamed: find it by id below
    }
    const sheet = this.sheetById(id);
    if (!sheet) throw new Error(`A tracker sheet (${name}) is missing: run Set up tracker.`);
    return sheet.getRange(row, col, rows, cols);
  }

  /**
   * The document lock, taken once per execution (released when the execution ends). Properties read
   * before it may have been changed since by the execution that held it (the audit tail, the layout):
   * they are read again on next use. Take the lock first to save that second read.
   */
  lock(): void {
    if (this.locked) return;
    const lock = LockService.getDocumentLock();
    lock.waitLock(LOCK_WAIT_MS);
    this.locked = true;
    if (this.props) {
      this.props = null;
      // The layout as stored now, into the objects already handed out (tables keep their entry).
      const held = this.layoutValue;
      if (held && !this.layoutDirty) {
        const fresh = parseLayout(this.property(LAYOUT_PROPERTY));
        if (fresh) refreshLayoutInPlace(held, fresh);
      }
    }
  }

  private layoutDirty = false;

  /** The layout: cached, else discovered from the workbook (and cached at the next flush). */
  layout(): Layout {
    if (this.layoutValue) return this.layoutValue;
    const cached = parseLayout(this.property(LAYOUT_PROPERTY));
    if (cached) return (this.layoutValue = cached);
    return this.refreshLayout();
  }

  /** Re-reads the layout from the workbook (sheet metadata/names, column metadata, header rows). */
  refreshLayout(): Layout {
    this.layoutValue = discoverLayout(this.ss);
    this.layoutDirty = true;
    this.sheetCache.clear();
    return this.layoutValue;
  }

  /**
   * The layout set-up just built from what it read and wrote (no second look at the workbook), with
   * the handles it holds; cached at the next flush.
   */
  useLayout(layout: Layout, sheets: readonly Sheet[]): void {
    this.layoutValue = layout;
    this.layoutDirty = true;
    this.sheetCache.clear();
    for (const sheet of sheets) this.sheetCache.set(sheet.getSheetId(), sheet);
  }

  markLayoutChanged(): void {
    this.layoutDirty = true;
  }

  /** The sheet with this id (cached handle), or null when it is gone. */
  sheetById(id: number): Sheet | null {
    if (!this.sheetCache.has(id)) this.sheetCache.set(id, this.ss.getSheetById(id));
    return this.sheetCache.get(id) ?? null;
  }

  /**
   * Every row of columns 1..`lastCol` of a sheet known by id and (cached) name: one getValues of an
   * open-ended range (A:J), so rows a person added since the layout was cached are read too.
   */
  columnValues(id: number, name: string, lastCol: number): unknown[][] {
    try {
      const range = this.ss.getRange(`'${name.replace(/'/g, "''")}'!A:${columnLetter(lastCol)}`);
      if (range.getSheet().getSheetId() === id) return range.getValues();
    } catch {
      // renamed: find it by id below
    }
    const sheet = this.sheetById(id);
    if (!sheet) throw new Error(`A tracker sheet (${name}) is missing: run Set up tracker.`);
    return sheet.getDataRange().getValues();
  }

  /** The tracker sheet `key`, or null when set-up has not created it. */
  sheet(key: SheetKey): Sheet | null {
    const entry = this.layout().sheets[key];
    if (!entry) return null;
    if (!this.sheetCache.has(entry.id)) {
      // The handle by the cached name (no call); by id when the tab was renamed.
      try {
        this.sheetCache.set(entry.id, this.range(entry.id, entry.name, 1, 1).getSheet());
      } catch {
        // gone: looked up again below
      }
    }
    const sheet = this.sheetById(entry.id);
    if (sheet) return sheet;
    const layout = this.refreshLayout().sheets[key];
    return layout ? this.sheetById(layout.id) : null;
  }

  /** Which tracker sheet a sheet id is (null: not one of ours). */
  keyOfSheet(id: number): SheetKey | null {
    const layout = this.layout();
    for (const [key, entry] of Object.entries(layout.sheets)) if (entry?.id === id) return key as SheetKey;
    return null;
  }
}

/** Copies `fresh` into `held`, keeping `held`'s sheet entries and shadow as the same objects. */
function refreshLayoutInPlace(held: Layout, fresh: Layout): void {
  const replace = <T extends object>(target: T, source: T): T => {
    for (const key of Object.keys(target))
      if (!(key in source)) delete (target as Record<string, unknown>)[key];
    return Object.assign(target, source);
  };
  for (const [key, entry] of Object.entries(fresh.sheets) as Array<[SheetKey, Layout['sheets'][SheetKey]]>) {
    const mine = held.sheets[key];
    held.sheets[key] = mine && entry ? replace(mine, entry) : entry;
  }
  held.shadow = held.shadow && fresh.shadow ? replace(held.shadow, fresh.shadow) : fresh.shadow;
}

/** Finds the tracker's sheets and columns in the workbook: a constant number of calls per sheet. */
export function discoverLayout(ss: Spreadsheet): Layout {
  const all = ss.getSheets();
  const tags = sheetTags(ss);
  const sheets = identifySheets(ss, tags, all);
  const metadata = columnMetadata(ss);
  const layout: Layout = { v: 1, sheets: {}, shadow: null };
  for (const [key, sheet] of sheets) {
    const width = sheet.getLastColumn();
    const headers = width > 0 ? sheet.getRange(1, 1, 1, width).getValues()[0] : [];
    const { cols, extras } = mapColumns(sheetDef(key), headers, metadata.get(sheet.getSheetId()));
    layout.sheets[key] = {
      id: sheet.getSheetId(),
      name: sheet.getName(),
      width: Math.max(width, ...Object.values(cols), 0),
      maxRows: sheet.getMaxRows(),
      cols,
      extras,
    };
  }
  const shadow = findShadowSheet(ss, tags, all);
  if (shadow) {
    const cols: Partial<Record<SheetKey, number>> = {};
    TRACKED_SHEETS.forEach((key, i) => (cols[key] = i + 1));
    layout.shadow = { id: shadow.getSheetId(), name: shadow.getName(), maxRows: shadow.getMaxRows(), cols };
  }
  return layout;
}

/** The hidden shadow sheet: by its tag, else by name. */
export function findShadowSheet(
  ss: Spreadsheet,
  tags: readonly SheetTag[] = sheetTags(ss),
  sheets: readonly Sheet[] = ss.getSheets(),
): Sheet | null {
  const tag = tags.find((t) => t.value === 'shadow' && sheets.some((s) => s.getSheetId() === t.sheetId));
  if (tag) return sheets.find((s) => s.getSheetId() === tag.sheetId) ?? null;
  return sheets.find((s) => s.getName() === SHADOW_SHEET_NAME) ?? null;
}
