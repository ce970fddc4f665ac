/** Payout files: the typed CSV writer every export uses (domain/export) and the file name. */
import type { FileDownload } from '../../shared/api';
import { csvTable, type ExportColumn } from '../export/csv-table';
import type { PayoutRecord } from './types';

/** A payout file: one row per payout, each cell through the export rule (errors name the payout). */
export function payoutFile(
  filename: string,
  columns: readonly ExportColumn[],
  payouts: readonly PayoutRecord[],
  rows: ReadonlyArray<readonly string[]>,
  withHeader: boolean,
): FileDownload {
  return csvTable(filename, columns, rows, { withHeader, rowName: (i) => payouts[i]?.id ?? `row ${i + 1}` });
}

/** payouts-paypal-PO-0001-PO-0003.csv */
export function exportName(format: string, ids: readonly string[]): string {
  const sorted = [...ids].sort();
  const span = sorted.length > 1 ? `${sorted[0]}-${sorted[sorted.length - 1]}` : sorted[0];
  return `payouts-${format}-${span}.csv`;
}
