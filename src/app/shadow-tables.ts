/**
 * Tables opened from their `_Shadow` columns instead of their sheets: one cell per row, not the 19
 * columns of Leads (one getValues per group of columns, see readShadowSheets), guarded by one
 * getLastRow per sheet. A sheet with
 * rows below the last one its shadow knows (rows another tool appended: script and API writes fire no
 * trigger) is read from the sheet as usual, and so is every table when there is no shadow. The
 * writer reads back the cells of a write block such a table does not change (`Table.fromShadow`).
 */
import { readShadowSheets } from '../sheets/shadow-sheet';
import type { SheetKey } from '../sheets/schema';
import { valuesFromShadow } from '../sheets/table';
import type { AppContext } from './context';

/**
 * Opens the tables of `keys` not open yet in `ctx` from the shadow (each one its guard allows).
 * `guarded` names the sheets whose last row is checked (all by default): a caller that only reads a
 * sheet to look records up, and never writes it, may skip its guard to save the call. `oneRead`:
 * read every shadow column in one rectangle (fewest calls, more cells; registerLead's call budget).
 */
export function openFromShadow(
  ctx: AppContext,
  keys: readonly SheetKey[],
  guarded: readonly SheetKey[] = keys,
  options: { oneRead?: boolean } = {},
): void {
  const doc = ctx.doc;
  const layout = doc.layout();
  const wanted = keys.filter((key) => !ctx.isOpen(key));
  if (wanted.length === 0 || !wanted.every((key) => layout.sheets[key])) return;
  const shadows = readShadowSheets(doc, wanted, options);
  if (!shadows) return;
  for (const key of wanted) {
    const rows = shadows.get(key)!;
    const sheet = doc.sheet(key);
    if (!sheet) continue;
    if (guarded.includes(key) && sheet.getLastRow() - 1 > rows.length) continue;
    ctx.tableFrom(key, () => valuesFromShadow(key, layout.sheets[key]!, rows), true);
  }
}
