/**
 * An audit entry: one changed cell. Its fields are the Audit Log's columns in order (Hash last,
 * computed by the chain). Every value is text: `auditText` is the one way a cell value becomes text.
 */
import { isDate } from '../dates';

export type AuditSource = 'edit' | 'sidebar' | 'trigger' | 'import' | 'setup' | 'crm' | 'form';

export interface AuditEntry {
  /** ISO 8601, UTC. */
  readonly timestamp: string;
  readonly user: string;
  readonly source: AuditSource;
  readonly sheet: string;
  readonly recordId: string;
  /** The column's header. */
  readonly field: string;
  /** A1 notation of the cell at the time of the change. */
  readonly cell: string;
  readonly oldValue: string;
  readonly newValue: string;
}

/** The entry's fields in column order (the Audit Log's first nine columns). */
export const ENTRY_FIELDS = [
  'timestamp',
  'user',
  'source',
  'sheet',
  'recordId',
  'field',
  'cell',
  'oldValue',
  'newValue',
] as const satisfies ReadonlyArray<keyof AuditEntry>;

/** The Field of the one audit entry of a row added to a sheet audited whole (`auditNewRows`). */
export const ROW_ADDED = '(row added)';

/** The user recorded when Apps Script does not say who edited. */
export const UNKNOWN_USER = 'unknown';

/**
 * A cell value as audit text: '' for empty, ISO 8601 for dates (an invalid date as ''), TRUE/FALSE for
 * booleans, numbers as JavaScript prints them, strings unchanged.
 */
export function auditText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (isDate(value)) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? '' : value.toISOString();
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/** Entries as Audit Log rows (without the Hash column). */
export function entryRow(entry: AuditEntry): string[] {
  return ENTRY_FIELDS.map((field) => entry[field]);
}

/** An Audit Log row (nine or ten cells, any types) back to an entry, every value as audit text. */
export function rowEntry(row: readonly unknown[]): AuditEntry {
  const text = ENTRY_FIELDS.map((_, i) => auditText(row[i]));
  return {
    timestamp: text[0],
    user: text[1],
    source: text[2] as AuditSource,
    sheet: text[3],
    recordId: text[4],
    field: text[5],
    cell: text[6],
    oldValue: text[7],
    newValue: text[8],
  };
}
