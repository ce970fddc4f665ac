/**
 * The Record ID an audit entry names for a changed cell. Most sheets hold one record per row (its
 * id, or its identifying column). Settings holds two things side by side: key/value rows and the
 * lists behind the dropdowns; a list's cell belongs to the list (Record ID "Team"), not to the
 * setting that happens to share its row.
 */
import type { SheetDef } from './schema-types';

export function recordOfCell(def: SheetDef, columnKey: string, rowRecord: string): string {
  if (!def.rowRecordColumns || def.rowRecordColumns.includes(columnKey)) return rowRecord;
  return def.columns.find((c) => c.key === columnKey)?.header ?? rowRecord;
}
