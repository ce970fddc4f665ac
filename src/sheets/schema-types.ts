/** The types of the sheet definitions (see schema.ts). */
import type { IdKind } from '../shared/ids';

export type SheetKey =
  'dashboard' | 'partners' | 'leads' | 'commissions' | 'payouts' | 'plans' | 'settings' | 'auditLog';

/**
 * How a column's cells are displayed (set-up turns these into number formats); 'percent': 12 for 12%.
 * 'text' and 'plainText' are both plain text ("@": what is written stays text, src/sheets/cell-text.ts);
 * 'auto' is Sheets' automatic format (a cell that may hold a number, a date or text).
 */
export type FormatKind = 'text' | 'date' | 'money' | 'integer' | 'percent' | 'number' | 'plainText' | 'auto';

/** The Settings lists behind dropdowns, each a named range. */
export type ListKey =
  'types' | 'tiers' | 'regions' | 'products' | 'currencies' | 'houseAccounts' | 'team' | 'tierRules';

export type ValidationDef =
  | { kind: 'list'; list: ListKey }
  | { kind: 'values'; values: readonly string[] }
  | { kind: 'email' }
  | { kind: 'nonNegative' }
  | { kind: 'date' }
  | { kind: 'partnerRef' }
  | { kind: 'planRef' };

export interface ColumnDef {
  key: string;
  header: string;
  /** The header note: what the column means. */
  note: string;
  /** Pixels. */
  width: number;
  format: FormatKind;
  validation?: ValidationDef;
  /** false: a wrong value is warned about, not refused (the tracker still works with it). */
  strict?: boolean;
  /** Filled by the script: only the owner and the Team may edit it (a team member's edit is put back). */
  protected?: boolean;
  /**
   * What the commission ledger is computed from (or who gets paid): a range protection whose editors
   * are the owner and the Team, and the edit trigger puts back an edit by anyone else.
   */
  money?: boolean;
  /** Only the owner may edit it (a range protection inside a warning-only sheet): Settings > Team. */
  ownerOnly?: boolean;
  /** Rows must have a value here (checked when adopting a user's sheet). */
  required?: boolean;
}

export interface SheetDef {
  key: SheetKey;
  /** The tab name set-up gives it (users may rename it later: the sheet is found by metadata). */
  name: string;
  columns: readonly ColumnDef[];
  /** The column whose presence in a header row makes a user's existing sheet adoptable. */
  identifying: string;
  /** The record id column (key) and the kind of id it holds (its format: src/shared/ids.ts). */
  id?: { column: string; kind: IdKind };
  /** 'sheet': only the owner/script may edit; 'warning': edits ask for confirmation; 'columns': the protected columns only. */
  protection: 'sheet' | 'warning' | 'columns' | 'none';
  /** A person's edits are audited and the sheet has a shadow column. */
  tracked: boolean;
  /** Row banding on the data area. */
  banded: boolean;
  /**
   * 'whole': a row the tracker adds is audited as ONE entry (Field "(row added)", New Value the row
   * as compact JSON) instead of one per cell. For the ledger: the first reconcile of a 100,000-lead
   * program adds about 53,000 lines, whose 690,000 per-cell entries (6.9 million Audit Log cells)
   * would not fit in Sheets' 10 million cells with the sheets themselves; one entry per line, 530,000.
   */
  auditNewRows?: 'whole';
  /**
   * The columns whose cells belong to the row's record (its identifying value); a cell of any other
   * column belongs to that column (its header is the Record ID): Settings' lists. Absent: every column.
   */
  rowRecordColumns?: readonly string[];
}
