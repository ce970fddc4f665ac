/**
 * The Dashboard's big tables (Leads, Commissions) read as their shadow's raw rows, only the columns
 * the metrics use converted (as the table would convert them, sheets/table.ts shadowCellReader): at
 * 100,000 leads building every row's 19 cells and record costs more script time than the metrics.
 * Same calls as a table read from the shadow (one getValues and the sheet's last row, the guard
 * against rows another tool appended); null when the shadow cannot serve (the caller reads the
 * table), or when the table is open in the context (its changes count).
 */
import { shadowField } from '../../domain/audit/shadow-field';
import type { Days } from '../../sheets/days';
import { sheetDef, type SheetKey } from '../../sheets/schema';
import { shadowCellReader } from '../../sheets/table';
import type { AppContext } from '../context';

export interface ShadowRecord {
  /** The sheet row. */
  row: number;
  record: Record<string, unknown>;
}

/**
 * Date columns come as the day they show in the spreadsheet's time zone (ISO text, what
 * Days.cellToDay gives for the cell), each distinct text converted once.
 */
export function shadowRecords(
  ctx: AppContext,
  key: SheetKey,
  columns: readonly string[],
  days: Days,
): ShadowRecord[] | null {
  if (ctx.isOpen(key)) return null;
  let raw: readonly string[] = [];
  const opened = ctx.detached().readSome(key, (cells) => {
    raw = cells;
    return () => false;
  });
  if (!opened) return null;
  return recordsOfCells(key, columns, days, raw, 2);
}

/** The records of shadow cell contents (seals checked) of rows firstRow.., only `columns` read. */
export function recordsOfCells(
  key: SheetKey,
  columns: readonly string[],
  days: Days,
  contents: readonly string[],
  firstRow: number,
): ShadowRecord[] {
  const formats = new Map(sheetDef(key).columns.map((c) => [c.key, c.format]));
  const readers = columns.map((column) => {
    const read = shadowCellReader(key, column);
    return [
      column,
      formats.get(column) === 'date' ? remembered((t) => days.cellToDay(read(t))) : read,
    ] as const;
  });
  const out: ShadowRecord[] = [];
  contents.forEach((cell, i) => {
    if (cell === '') return;
    // Only the columns used, each found in the cell's text (shadow-field.ts), not the whole row parsed.
    const record: Record<string, unknown> = {};
    for (const [column, read] of readers) record[column] = read(shadowField(cell, column));
    out.push({ row: i + firstRow, record });
  });
  return out;
}

/** `convert` remembered by its text: a table holds many cells with few distinct values (days). */
function remembered<T>(convert: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    if (seen.has(text)) return seen.get(text) as T;
    const value = convert(text);
    seen.set(text, value);
    return value;
  };
}

/**
 * `convert` of a cell remembered when the cell is text (a shadow's cells are: days, statuses), so
 * each distinct text is converted once; any other value (a Date of a table read) converted each time.
 */
export function rememberedCells<T>(convert: (cell: unknown) => T): (cell: unknown) => T {
  const byText = remembered(convert);
  return (cell) => (typeof cell === 'string' ? byText(cell) : convert(cell));
}
