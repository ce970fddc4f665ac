/**
 * Tracker rows as warehouse records: the columns of a mirrored table (named from the sheet's
 * headers, typed from how the sheet formats them) and one newline-delimited JSON record per row,
 * with the batch it was loaded in. Pure: time zones and cell reading are passed in.
 *
 * Types (BigQuery's, https://cloud.google.com/bigquery/docs/schemas#standard_sql_data_types):
 * money, number and percent columns are NUMERIC (exact decimal: sums of money stay exact), integer
 * columns INT64, date columns DATE, the rest STRING. A cell that does not hold what its column
 * should (text in a money column, a person's typing) loads as NULL rather than failing the whole
 * load job; its text is still in the Audit Log.
 */
import { isDate } from '../dates';

export type WarehouseType = 'STRING' | 'NUMERIC' | 'INT64' | 'DATE' | 'TIMESTAMP' | 'BOOL';

export interface WarehouseColumn {
  /** The tracker's column key (the record's field). */
  key: string;
  /** The BigQuery column name. */
  name: string;
  type: WarehouseType;
}

/** The columns every loaded batch table ends with: which batch, its order, and deletions. */
export const BATCH_COLUMNS: readonly WarehouseColumn[] = [
  { key: '_batch_id', name: '_batch_id', type: 'STRING' },
  { key: '_batch_seq', name: '_batch_seq', type: 'INT64' },
  { key: '_deleted', name: '_deleted', type: 'BOOL' },
];

/** A header as a BigQuery column name: "Deal Value" -> deal_value, "Lead ID" -> lead_id. */
export function columnName(header: string): string {
  const name = header
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
  return /^[a-z_]/.test(name) ? name : `c_${name}`;
}

export interface Batch {
  id: string;
  /** Orders batches: the audit sequence number the batch reaches. */
  seq: number;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** A cell as a NUMERIC literal (at most 9 decimals, BigQuery's scale), or null. */
export function numericText(value: unknown): string | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    const text = String(value);
    if (/e/i.test(text) || (text.split('.')[1]?.length ?? 0) > 9) return String(Number(value.toFixed(9)));
    return text;
  }
  if (typeof value === 'string' && DECIMAL.test(value.trim())) return value.trim();
  return null;
}

/** One cell as the JSON value of its column (null for empty or unreadable). */
export function fieldValue(type: WarehouseType, value: unknown, dayOf: (cell: unknown) => string): unknown {
  if (value === '' || value === null || value === undefined) return null;
  switch (type) {
    case 'NUMERIC':
      return numericText(value);
    case 'INT64':
      return typeof value === 'number' && Number.isInteger(value) ? value : null;
    case 'DATE':
      return dayOf(value) || null;
    case 'BOOL':
      return typeof value === 'boolean' ? value : null;
    default:
      if (typeof value === 'string') return value;
      return isDate(value) ? dayOf(value) : String(value);
  }
}

/** A row as its warehouse record (one JSON object), in a batch. */
export function entityRecord(
  columns: readonly WarehouseColumn[],
  record: Readonly<Record<string, unknown>>,
  batch: Batch,
  dayOf: (cell: unknown) => string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of columns) out[c.name] = fieldValue(c.type, record[c.key], dayOf);
  out._batch_id = batch.id;
  out._batch_seq = batch.seq;
  out._deleted = false;
  return out;
}

/** A row gone from the sheet (deleted): its id and the mark. */
export function deletedRecord(idColumn: string, id: string, batch: Batch): Record<string, unknown> {
  return { [idColumn]: id, _batch_id: batch.id, _batch_seq: batch.seq, _deleted: true };
}
