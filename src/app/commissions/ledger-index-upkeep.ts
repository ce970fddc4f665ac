/**
 * The upkeep of the ledger index (sheets/ledger-index.ts) by the daily run's quiet days: when the
 * index could not serve the commission job, it read the whole Commissions shadow column (to pick its
 * rows), so the index (missing, stale, of an earlier version, not adding up) is built again from that
 * column (the rows the job changes or appends as they will be), staged for the job's commit. The full
 * reconcile builds it on the other days.
 */
import { decodeShadow } from '../../domain/audit/shadow';
import {
  ledgerEntryOf,
  LEDGER_PENDING_CHARS,
  ledgerIndexDue,
  readLedgerIndex,
  readLedgerIndexState,
  stageLedgerIndex,
  type LedgerEntry,
  type LedgerIndex,
} from '../../sheets/ledger-index';
import type { Table } from '../../sheets/table';
import type { TrackerDocument } from '../../sheets/document';
import { ledgerIndexEntries } from './ledger-table';

export function refreshLedgerIndex(
  doc: TrackerDocument,
  cells: readonly string[],
  table: Table,
  /** The index did not serve the job (missing, stale, not adding up): built whatever its state. */
  force = false,
): boolean {
  if (!force && !ledgerIndexDue(doc)) return false;
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

/**
 * True when the index holds exactly the lines of `table` (the whole ledger, read before the pass
 * changes it): the full reconcile's check (two reads), so an index changed by hand or gone wrong is
 * built again by the next full reconcile, never trusted on.
 */
export function ledgerIndexMatches(doc: TrackerDocument, table: Table): boolean {
  // (The table holds every row of the sheet: the rows around the index's last need no read.)
  const index = readLedgerIndex(doc, { rowsKnown: true });
  if (!index) return false;
  const { entries, last } = ledgerIndexEntries(table);
  return index.last === last && JSON.stringify(index.entries) === JSON.stringify(entries);
}

/** Changed lines past which a pass that read the index stages it again (its pending entries would overflow). */
const RESTAGE_CHANGES = 20;
/** A pending entry's characters at most (a line's row, id, partner, lead, status, amount, key, days). */
const ENTRY_CHARS = 200;

/** Whether `changed` more pending entries could pass the room the index state keeps for them. */
function pendingWouldOverflow(doc: TrackerDocument, changed: number): boolean {
  const pending = JSON.stringify(readLedgerIndexState(doc)?.pending ?? {}).length;
  return pending + changed * ENTRY_CHARS > LEDGER_PENDING_CHARS;
}

/**
 * A pass that read the ledger index (a slice of the full reconcile, a quick day) and changed many
 * lines, or a few when the pending entries are already half their room: the index staged again from
 * its entries with the rows the pass read as they will be (no whole-ledger read), so its writes do not
 * make the index stale for the next slice or day.
 */
export function restageLedgerIndex(doc: TrackerDocument, index: LedgerIndex, table: Table): boolean {
  const changed = table.changes().length;
  if (changed <= RESTAGE_CHANGES && !pendingWouldOverflow(doc, changed)) return false;
  const byRow = new Map(index.entries.map((e) => [e[0], e]));
  let last = index.last;
  for (const { row } of table.rows()) {
    byRow.delete(row);
    last = Math.max(last, row);
  }
  for (const entry of ledgerIndexEntries(table).entries) byRow.set(entry[0], entry);
  stageLedgerIndex(doc, [...byRow.values()], last);
  return true;
}
