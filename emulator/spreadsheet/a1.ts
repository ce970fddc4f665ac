/** A1 notation: column letters, cell and range references, optional sheet name. */
import { exception } from './errors';

export interface GridBox {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/** A parsed A1 reference; open ends (whole rows/columns) are null until bound to a sheet. */
export interface A1Ref {
  sheetName: string | null;
  row: number | null;
  col: number | null;
  lastRow: number | null;
  lastCol: number | null;
}

export function columnLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function boxToA1(box: GridBox): string {
  const start = `${columnLetters(box.col)}${box.row}`;
  if (box.numRows === 1 && box.numCols === 1) return start;
  return `${start}:${columnLetters(box.col + box.numCols - 1)}${box.row + box.numRows - 1}`;
}

export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

const PART = /^\$?([A-Za-z]*)\$?(\d*)$/;

function parsePart(part: string): { col: number | null; row: number | null } {
  const m = PART.exec(part);
  if (!m || (m[1] === '' && m[2] === '')) throw exception('Range not found');
  return { col: m[1] ? columnNumber(m[1]) : null, row: m[2] ? Number(m[2]) : null };
}

export function splitSheetName(a1: string): { sheetName: string | null; ref: string } {
  const text = a1.trim();
  const bang = text.lastIndexOf('!');
  if (bang < 0) return { sheetName: null, ref: text };
  let name = text.slice(0, bang);
  if (name.startsWith("'") && name.endsWith("'")) name = name.slice(1, -1).replace(/''/g, "'");
  return { sheetName: name, ref: text.slice(bang + 1) };
}

export function parseA1(a1: string): A1Ref {
  const { sheetName, ref } = splitSheetName(a1);
  const [first, second, extra] = ref.split(':');
  if (extra !== undefined || !first) throw exception('Range not found');
  const a = parsePart(first);
  const b = second === undefined ? a : parsePart(second);
  // 'K2:K' runs from row 2 to the last row; 'A2:2' from column A to the last column.
  if (a.row === null && b.row !== null) throw exception('Range not found');
  if (a.col === null && b.col !== null) throw exception('Range not found');
  const rows: Array<number | null> =
    a.row === null
      ? [null, null]
      : b.row === null
        ? [a.row, null]
        : [Math.min(a.row, b.row), Math.max(a.row, b.row)];
  const cols: Array<number | null> =
    a.col === null
      ? [null, null]
      : b.col === null
        ? [a.col, null]
        : [Math.min(a.col, b.col), Math.max(a.col, b.col)];
  return { sheetName, row: rows[0], lastRow: rows[1], col: cols[0], lastCol: cols[1] };
}

/** Binds open ends to the sheet's grid ('A:C' covers every row, '2:5' every column). */
export function refToBox(ref: A1Ref, maxRows: number, maxCols: number): GridBox {
  const row = ref.row ?? 1;
  const lastRow = ref.lastRow ?? maxRows;
  const col = ref.col ?? 1;
  const lastCol = ref.lastCol ?? maxCols;
  return { row, col, numRows: lastRow - row + 1, numCols: lastCol - col + 1 };
}
