/**
 * The shadow of a tracked row: its values as compact JSON in one cell, keyed by column key (a user's
 * extra column by "#" + its header), empty cells left out. Old values for pastes, clears and deleted
 * rows come from here, since Apps Script's edit event gives none for them.
 */
import { auditText } from './entry';

export type ShadowRow = Record<string, string>;

export function encodeShadow(keys: readonly string[], values: readonly unknown[]): string {
  const row: ShadowRow = {};
  keys.forEach((key, i) => {
    const text = auditText(values[i]);
    if (key && text !== '') row[key] = text;
  });
  return Object.keys(row).length ? JSON.stringify(row) : '';
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
