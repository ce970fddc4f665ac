/**
 * The Commissions rows a page of the ledger index (ledger-index.ts) chose, read from their shadow
 * cells: one getValues of the Commissions shadow column per cluster of nearby rows (at most
 * MAX_READS), their seals checked, as a table of its own (every other row NOT_READ: empty to rows()).
 * Null when a row's seal does not check: the caller reads the visible ledger. Never written.
 */
import { decodeShadow } from '../domain/audit/shadow';
import type { TrackerDocument } from './document';
import { joinRanges } from './lead-index';
import { hasForged, readSealedRows } from './shadow-seals';
import { NOT_READ, Table, valuesFromShadow } from './table';

/** Rows this close together are read in one call with the rows between (a call costs 30 cells). */
const ROW_GAP = 30;
/** At most this many reads for the rows of one page (the nearest clusters joined beyond it). */
const MAX_READS = 8;

export function readLedgerRows(doc: TrackerDocument, rows: readonly number[], last: number): Table | null {
  const layout = doc.layout();
  const sheet = layout.sheets.commissions;
  const shadow = layout.shadow;
  const col = shadow?.cols.commissions;
  if (!sheet || !shadow || !col) return null;
  const values: unknown[][] = [
    valuesFromShadow('commissions', sheet, [])[0],
    ...new Array<unknown[]>(Math.max(0, last - 1)).fill(NOT_READ),
  ];
  const found: number[] = [];
  const fields = [];
  for (const [from, to] of joinRanges(
    rows.map((row): [number, number] => [row, row]),
    MAX_READS,
    ROW_GAP,
  )) {
    const cells = readSealedRows(doc, 'commissions', from, to);
    for (const row of rows)
      if (row >= from && row <= to) {
        found.push(row);
        fields.push(decodeShadow(cells[row - from]));
      }
  }
  if (hasForged(doc, 'commissions')) return null;
  const converted = valuesFromShadow('commissions', sheet, fields);
  found.forEach((row, i) => (values[row - 1] = converted[i + 1]));
  return new Table(doc, 'commissions').loadFromShadow(values);
}
