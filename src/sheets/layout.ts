/**
 * Where the tracker's sheets and columns are: sheet ids (so a renamed tab still works), each column's
 * position (found by column developer metadata, else by header, so reordered columns and users'
 * extra columns work), row capacity. Set-up computes it and caches it in one document property, which
 * every execution reads once (with the audit tail) instead of asking the document again.
 */
import { METADATA, SHEETS, normalizeHeader, type SheetDef, type SheetKey } from './schema';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface SheetLayout {
  id: number;
  name: string;
  /** Columns with content in the header row (the tracker's and the user's). */
  width: number;
  /** Rows the sheet has (getMaxRows), as last seen: writes beyond it add rows first. */
  maxRows: number;
  /** Column key -> 1-based column. */
  cols: Record<string, number>;
  /** A user's extra columns: "#" + header -> 1-based column. */
  extras: Record<string, number>;
}

/** The columns a row of the sheet spans: its header's, or further when a tracker column lies past it. */
export function rowWidth(layout: SheetLayout): number {
  return Math.max(layout.width, ...Object.values(layout.cols));
}

export interface ShadowLayout {
  id: number;
  name: string;
  maxRows: number;
  /** Tracked sheet key -> 1-based column of the shadow sheet. */
  cols: Partial<Record<SheetKey, number>>;
  /**
   * Sheets whose shadow set-up is still filling (rows adopted chunk by chunk): their column is written
   * by every write as usual, so it is current once filled, but not read whole (the tables are read
   * from the sheets) until then. A row's own shadow may be read (old values for its audit).
   */
  filling?: SheetKey[];
}

export interface Layout {
  v: 1;
  sheets: Partial<Record<SheetKey, SheetLayout>>;
  shadow: ShadowLayout | null;
}

export const LAYOUT_PROPERTY = 'tracker.layout';

export function parseLayout(text: string | null | undefined): Layout | null {
  if (!text) return null;
  try {
    const layout = JSON.parse(text) as Layout;
    return layout && layout.v === 1 && layout.sheets ? layout : null;
  } catch {
    return null;
  }
}

/** Each column's key in position order ('' before the first column), user extras as "#Header". */
export function keysByPosition(sheet: SheetLayout): string[] {
  const keys: string[] = new Array(sheet.width + 1).fill('');
  for (const [key, col] of Object.entries(sheet.cols)) keys[col] = key;
  for (const [key, col] of Object.entries(sheet.extras)) keys[col] = key;
  return keys;
}

/**
 * Maps a header row to columns: metadata first (a column renamed by its user keeps its key), then the
 * header text (case, spaces and punctuation ignored). Returns the mapping and the missing columns.
 */
export function mapColumns(
  def: SheetDef,
  headers: readonly unknown[],
  metadataCols: ReadonlyMap<string, number> = new Map(),
): { cols: Record<string, number>; extras: Record<string, number>; missing: string[] } {
  const cols: Record<string, number> = {};
  const taken = new Set<number>();
  for (const column of def.columns) {
    const col = metadataCols.get(column.key);
    if (col !== undefined && col <= headers.length && normalizeHeader(headers[col - 1]) !== '') {
      cols[column.key] = col;
      taken.add(col);
    }
  }
  for (const column of def.columns) {
    if (cols[column.key]) continue;
    const wanted = normalizeHeader(column.header);
    const index = headers.findIndex((h, i) => !taken.has(i + 1) && normalizeHeader(h) === wanted);
    if (index >= 0) {
      cols[column.key] = index + 1;
      taken.add(index + 1);
    }
  }
  const extras: Record<string, number> = {};
  headers.forEach((header, i) => {
    const text = String(header ?? '').trim();
    if (text && !taken.has(i + 1)) extras[`#${text}`] = i + 1;
  });
  const missing = def.columns.filter((c) => !cols[c.key]).map((c) => c.header);
  return { cols, extras, missing };
}

/** The workbook's sheet tags (sheet developer metadata): which tracker sheet, or 'shadow', by sheet id. */
export interface SheetTag {
  value: string;
  sheetId: number;
}

/** Every sheet tag, with one find (each tag then costs its location and value). */
export function sheetTags(ss: Spreadsheet): SheetTag[] {
  const tags: SheetTag[] = [];
  for (const md of ss.createDeveloperMetadataFinder().withKey(METADATA.sheet).find()) {
    const sheet = md.getLocation().getSheet();
    if (sheet) tags.push({ value: String(md.getValue()), sheetId: sheet.getSheetId() });
  }
  return tags;
}

/** The tracker sheet each sheet is, by sheet metadata, else by tab name. */
export function identifySheets(
  ss: Spreadsheet,
  tags: readonly SheetTag[] = sheetTags(ss),
  sheets: readonly Sheet[] = ss.getSheets(),
): Map<SheetKey, Sheet> {
  const found = new Map<SheetKey, Sheet>();
  const byId = new Map(sheets.map((sheet) => [sheet.getSheetId(), sheet]));
  for (const tag of tags) {
    const key = tag.value as SheetKey;
    if (!SHEETS.some((def) => def.key === key)) continue;
    if (byId.has(tag.sheetId) && !found.has(key)) found.set(key, byId.get(tag.sheetId)!);
  }
  for (const def of SHEETS) {
    if (found.has(def.key)) continue;
    const taken = new Set([...found.values()].map((s) => s.getSheetId()));
    const sheet = sheets.find((s) => s.getName() === def.name && !taken.has(s.getSheetId()));
    if (sheet) found.set(def.key, sheet);
  }
  return found;
}

/** Column metadata of the whole workbook: sheet id -> (column key -> 1-based column). */
export function columnMetadata(ss: Spreadsheet): Map<number, Map<string, number>> {
  const bySheet = new Map<number, Map<string, number>>();
  for (const md of ss.createDeveloperMetadataFinder().withKey(METADATA.column).find()) {
    const range = md.getLocation().getColumn();
    if (!range) continue;
    const id = range.getSheet().getSheetId();
    if (!bySheet.has(id)) bySheet.set(id, new Map());
    bySheet.get(id)!.set(String(md.getValue()), range.getColumn());
  }
  return bySheet;
}
