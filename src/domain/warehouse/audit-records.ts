/**
 * Audit Log rows as warehouse records. Each keeps its place in the whole history (`seq`, counted
 * from the first row the warehouse received), the hash of the row before it (`prev_hash`), the
 * exact text its hash was computed over (`canonical`, see domain/audit/chain.ts) and its hash: so
 * the chain's continuity verifies in the warehouse with one SQL query (sql.ts CHAIN_CHECK).
 */
import { canonicalEntry, entryHash } from '../audit/chain';
import { rowEntry } from '../audit/entry';
import { restoreNeutralized } from '../formula-text';
import type { Batch, WarehouseColumn } from './records';

export const AUDIT_COLUMNS: readonly WarehouseColumn[] = [
  { key: 'seq', name: 'seq', type: 'INT64' },
  { key: 'timestamp', name: 'changed_at', type: 'TIMESTAMP' },
  { key: 'user', name: 'changed_by', type: 'STRING' },
  { key: 'source', name: 'source', type: 'STRING' },
  { key: 'sheet', name: 'sheet', type: 'STRING' },
  { key: 'recordId', name: 'record_id', type: 'STRING' },
  { key: 'field', name: 'field', type: 'STRING' },
  { key: 'cell', name: 'cell', type: 'STRING' },
  { key: 'oldValue', name: 'old_value', type: 'STRING' },
  { key: 'newValue', name: 'new_value', type: 'STRING' },
  { key: 'prevHash', name: 'prev_hash', type: 'STRING' },
  { key: 'canonical', name: 'canonical', type: 'STRING' },
  { key: 'hash', name: 'hash', type: 'STRING' },
  { key: '_batch_id', name: '_batch_id', type: 'STRING' },
  { key: '_batch_seq', name: '_batch_seq', type: 'INT64' },
];

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * Records for consecutive Audit Log rows (ten cells each) following `previousHash`, numbered from
 * `firstSeq`. The canonical text is the one whose hash matches the stored one (a value the formula
 * rule wrote with an apostrophe was hashed without it); a row that matches neither (edited by hand)
 * keeps the text as read, and the warehouse's check finds it.
 */
export function auditRecords(
  rows: readonly (readonly unknown[])[],
  previousHash: string,
  firstSeq: number,
  batch: Batch,
): Record<string, unknown>[] {
  let prev = previousHash;
  return rows.map((row, i) => {
    const stored = String(row[9] ?? '');
    let entry = rowEntry(row);
    if (entryHash(prev, entry) !== stored) {
      const restored = rowEntry(row.map(restoreNeutralized));
      if (entryHash(prev, restored) === stored) entry = restored;
    }
    const record = {
      seq: firstSeq + i,
      changed_at: ISO_INSTANT.test(entry.timestamp) ? entry.timestamp : null,
      changed_by: entry.user,
      source: entry.source,
      sheet: entry.sheet,
      record_id: entry.recordId,
      field: entry.field,
      cell: entry.cell,
      old_value: entry.oldValue,
      new_value: entry.newValue,
      prev_hash: prev,
      canonical: canonicalEntry(entry),
      hash: stored,
      _batch_id: batch.id,
      _batch_seq: batch.seq,
    };
    prev = stored;
    return record;
  });
}
