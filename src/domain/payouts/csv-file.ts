/**
 * Writing a CSV with papaparse. Text cells are protected against formula injection when the file is
 * opened in a spreadsheet (OWASP "CSV Injection"): a cell starting with = + - @ tab or CR gets a
 * leading apostrophe (papaparse's escapeFormulae), and such a cell is quoted.
 */
import Papa from 'papaparse';
import type { FileDownload } from '../../shared/api';

export function csvFile(
  filename: string,
  header: readonly string[] | null,
  rows: ReadonlyArray<readonly string[]>,
): FileDownload {
  const content = Papa.unparse(
    { fields: header ? [...header] : [], data: rows.map((r) => [...r]) },
    { header: header !== null, escapeFormulae: true, newline: '\r\n' },
  );
  return { filename, mimeType: 'text/csv', content: `${content}\r\n` };
}

/** payouts-paypal-PO-0001-PO-0003.csv */
export function exportName(format: string, ids: readonly string[]): string {
  const sorted = [...ids].sort();
  const span = sorted.length > 1 ? `${sorted[0]}-${sorted[sorted.length - 1]}` : sorted[0];
  return `payouts-${format}-${span}.csv`;
}
