/** A compact way to write a column definition: key, header, note, then what differs from plain text. */
import type { ColumnDef } from '../schema-types';

export function col(key: string, header: string, note: string, extra: Partial<ColumnDef> = {}): ColumnDef {
  return { key, header, note, width: 140, format: 'text', ...extra };
}

export const idCol = (key: string, header: string, what: string): ColumnDef =>
  col(key, header, `${what} id, given by the tracker. Do not edit.`, { width: 100, protected: true });
