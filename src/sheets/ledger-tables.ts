/**
 * The Commissions rows a page of the ledger index (ledger-index.ts) chose, read from their shadow
 * cells: one getValues of the Commissions shadow column per cluster of nearby rows (at most
 * ROW_READS.most), their seals checked, as a table of its own (every other row NOT_READ: empty to rows()).
 * Null when a row's seal does not check: the caller reads the visible ledger. Never written.
 */
import type { TrackerDocument } from './document';
import { readShadowRowsAt } from './lead-index';
import { NOT_READ, Table, valuesFromShadow } from './table';

export function readLedgerRows(doc: TrackerDocument, rows: readonly number[], last: number): Table | null {
  const values = ledgerRowValues(doc, rows, last);
  return values && new Table(doc, 'commissions').loadFromShadow(values);
}

/** The values of such a table (header row first, rows up to `last`), for a context to open. */
export function ledgerRowValues(
  doc: TrackerDocument,
  rows: readonly number[],
  last: number,
): unknown[][] | null {
  const layout = doc.layout();
  const sheet = layout.sheets.commissions;
  const shadow = layout.shadow;
  const col = shadow?.cols.commissions;
  if (!sheet || !shadow || !col) return null;
  const values: unknown[][] = [
    valuesFromShadow('commissions', sheet, [])[0],
    ...new Array<unknown[]>(Math.max(0, last - 1)).fill(NOT_READ),
  ];
  const found = readShadowRowsAt(doc, 'commissions', rows);
  if (!found) return null;
  const converted = valuesFromShadow(
    'commissions',
    sheet,
    found.map((f) => f.cells),
  );
  found.forEach(({ row }, i) => (values[row - 1] = converted[i + 1]));
  return values;
}
