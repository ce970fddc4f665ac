/**
 * The upkeep of the ledger index (sheets/ledger-index.ts) by the daily run's quiet days: the
 * commission job read the whole Commissions shadow column (to pick its rows), so when the index is
 * missing, stale or its pending entries pass half the property's room, it is built again from that
 * column (the rows the job changes or appends as they will be), staged for the job's commit. The full
 * reconcile builds it on the other days.
 */
import { decodeShadow } from '../../domain/audit/shadow';
import {
  LEDGER_PENDING_CHARS,
  ledgerEntryOf,
  readLedgerIndexState,
  stageLedgerIndex,
  type LedgerEntry,
} from '../../sheets/ledger-index';
import type { Table } from '../../sheets/table';
import type { TrackerDocument } from '../../sheets/document';
import { ledgerIndexEntries } from './ledger-table';

export function refreshLedgerIndex(doc: TrackerDocument, cells: readonly string[], table: Table): boolean {
  const state = readLedgerIndexState(doc);
  if (state && !state.stale && JSON.stringify(state.pending ?? {}).length < LEDGER_PENDING_CHARS / 2)
    return false;
  // The rows the job read (and changed or appended), as they will be; the others from their cells.
  const read = ledgerIndexEntries(table);
  const readRows = new Set(table.rows().map((r) => r.row));
  const entries: LedgerEntry[] = [...read.entries];
  let last = read.last;
  cells.forEach((cell, i) => {
    const row = i + 2;
    if (readRows.has(row) || !cell) return;
    const fields = decodeShadow(cell);
    if (Object.keys(fields).length === 0) return;
    last = Math.max(last, row);
    const entry = ledgerEntryOf(row, fields);
    if (entry) entries.push(entry);
  });
  stageLedgerIndex(doc, entries, last);
  return true;
}
