/**
 * Which sheets the warehouse mirrors and their columns there: each sheet's own columns (named from
 * its headers, typed from its formats; see domain/warehouse/records.ts), then the batch columns.
 */
import {
  BATCH_COLUMNS,
  type WarehouseColumn,
  type WarehouseType,
  columnName,
} from '../../domain/warehouse/records';
import type { WarehouseTable } from '../../shared/warehouse';
import { sheetDef } from '../schema';
import type { FormatKind, SheetKey } from '../schema-types';

export interface MirroredSheet {
  key: SheetKey;
  table: Exclude<WarehouseTable, 'audit_log'>;
  /** The sheet's name as the Audit Log records it. */
  sheetName: string;
  /** The record id's key and its warehouse column. */
  idKey: string;
  idColumn: string;
  /** The sheet's columns (no batch columns). */
  columns: WarehouseColumn[];
}

const TYPE_OF: Record<FormatKind, WarehouseType> = {
  text: 'STRING',
  plainText: 'STRING',
  date: 'DATE',
  money: 'NUMERIC',
  number: 'NUMERIC',
  percent: 'NUMERIC',
  integer: 'INT64',
};

function mirrored(key: SheetKey, table: MirroredSheet['table']): MirroredSheet {
  const def = sheetDef(key);
  if (!def.id) throw new Error(`${def.name} has no record id to mirror by`);
  const columns = def.columns.map((c) => ({
    key: c.key,
    name: columnName(c.header),
    type: TYPE_OF[c.format],
  }));
  const idKey = def.id.column;
  return {
    key,
    table,
    sheetName: def.name,
    idKey,
    idColumn: columns.find((c) => c.key === idKey)!.name,
    columns,
  };
}

export const MIRRORED_SHEETS: readonly MirroredSheet[] = [
  mirrored('partners', 'partners'),
  mirrored('leads', 'leads'),
  mirrored('commissions', 'commissions'),
  mirrored('payouts', 'payouts'),
];

/** The load schema of a mirrored sheet's batches table. */
export function batchFields(sheet: MirroredSheet): WarehouseColumn[] {
  return [...sheet.columns, ...BATCH_COLUMNS];
}
