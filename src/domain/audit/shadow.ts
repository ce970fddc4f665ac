/**
 * The shadow of a tracked row: its values as compact JSON in one cell, keyed by column key (a user's
 * extra column by "#" + its header), empty cells left out. Old values for pastes, clears and deleted
 * rows come from here, since Apps Script's edit event gives none for them.
 */
import { auditText } from './entry';
import { SEAL_ROOM } from './shadow-seal';

export type ShadowRow = Record<string, string>;

/** Characters a Sheets cell holds: a longer write is refused (the whole setValues). */
export const CELL_CHAR_LIMIT = 50_000;

/** Characters of a row's JSON: a cell's, less the room of its seal (shadow-seal.ts). */
const SHADOW_CELL_LIMIT = CELL_CHAR_LIMIT - SEAL_ROOM;

/** Ends a value cut short so that it fits in one cell. */
export const SHADOW_CUT = '…[cut]';

/**
 * An audit value as it fits one cell with the formula-injection apostrophe the writer may add: a
 * person may type 50,000 characters into a cell, and "-" + 49,999 more gains one when logged.
 */
export function fitAuditValue(text: string): string {
  return text.length < CELL_CHAR_LIMIT
    ? text
    : text.slice(0, CELL_CHAR_LIMIT - 1 - SHADOW_CUT.length) + SHADOW_CUT;
}

export function encodeShadow(keys: readonly string[], values: readonly unknown[]): string {
  const row: ShadowRow = {};
  keys.forEach((key, i) => {
    const text = auditText(values[i]);
    if (key && text !== '') row[key] = text;
  });
  return Object.keys(row).length ? fitCell(row) : '';
}

/**
 * The row as JSON in one cell: when it is longer than a cell holds (a person may type up to 50,000
 * characters into each of a row's cells), its longest values are cut and marked until it fits. The
 * sheet keeps the whole text; the shadow then gives the cut one as the old value of a later paste
 * or clear of that cell.
 */
function fitCell(row: ShadowRow): string {
  let json = JSON.stringify(row);
  while (json.length > SHADOW_CELL_LIMIT) {
    let longest = '';
    for (const key of Object.keys(row)) if (!longest || row[key].length > row[longest].length) longest = key;
    const value = row[longest];
    // Each character cut shortens the JSON by at least one (escapes by more).
    let keep = Math.max(0, value.length - (json.length - SHADOW_CELL_LIMIT) - SHADOW_CUT.length);
    const code = value.charCodeAt(keep - 1);
    if (code >= 0xd800 && code <= 0xdbff) keep--; // not half a surrogate pair
    row[longest] = keep > 0 ? value.slice(0, keep) + SHADOW_CUT : SHADOW_CUT;
    if (row[longest] === value) break; // nothing left to cut (not with the tracker's columns)
    json = JSON.stringify(row);
  }
  return json;
}

export function decodeShadow(cell: unknown): ShadowRow {
  const text = String(cell ?? '');
  if (!text) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as ShadowRow) : {};
  } catch {
    return {};
  }
}

/** The row as the shadow remembers it, in the order of `keys` (missing keys are ''). */
export function shadowValues(keys: readonly string[], row: ShadowRow): string[] {
  return keys.map((key) => row[key] ?? '');
}
