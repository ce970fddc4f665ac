/**
 * The Commissions rows a page of the ledger index (ledger-index.ts) chose, read from their shadow
 * cells: one getValues of the Commissions shadow column per cluster of nearby rows (at most
 * ROW_READS.most), their seals checked, as a table of its own (every other row NOT_READ: empty to rows()).
 * Null when a row's seal does not check, or a row read does not hold the line its index entry says
 * (id, partner, lead, status, kind, key: the entry ledgerEntryOf makes of its cells; a row without
 * an entry must hold no line): the caller reads the visible ledger. Never written.
 */
import type { TrackerDocument } from './document';
import { readShadowRowsAt } from './lead-index';
import { ledgerEntryOf, type LedgerEntry } from './ledger-index';
import { NOT_READ, Table, valuesFromShadow } from './table';

/** The rows `entries` name (and `also`), as a Commissions table; null as said above. */
export function readLedgerRows(
  doc: TrackerDocument,
  entries: readonly LedgerEntry[],
  last: number,
  also: readonly number[] = [],
): Table | null {
  const values = ledgerRowValues(doc, entries, last, also);
  return values && new Table(doc, 'commissions').loadFromShadow(values);
}

/**
 * The values of such a table (header row first, rows up to `last`), for a context to open; at most
 * `most` getValues (the daily run's jobs ask for fewer than ROW_READS.most).
 */
export function ledgerRowValues(
  doc: TrackerDocument,
  entries: readonly LedgerEntry[],
  last: number,
  also: readonly number[] = [],
  most?: number,
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
  const byRow = new Map(entries.map((e) => [e[0], e]));
  const found = readShadowRowsAt(doc, 'commissions', [...new Set([...byRow.keys(), ...also])], most);
  if (!found) return null;
  for (const { row, cells } of found) {
    const held = ledgerEntryOf(row, cells);
    const entry = byRow.get(row);
    if (held === null ? entry !== undefined : !entry || held.some((v, i) => v !== entry[i])) return null;
  }
  const converted = valuesFromShadow(
    'commissions',
    sheet,
    found.map((f) => f.cells),
  );
  found.forEach(({ row }, i) => (values[row - 1] = converted[i + 1]));
  return values;
}
