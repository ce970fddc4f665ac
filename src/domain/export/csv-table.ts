/**
 * A CSV file from typed columns: every cell through `exportCell` (the one export rule), then written
 * with papaparse (quotes where a cell holds a comma, a quote or a line break; CRLF lines).
 */
import Papa from 'papaparse';
import type { FileDownload } from '../../shared/api';
import { exportCell, type ExportKind } from './csv-cell';

export interface ExportColumn {
  header: string;
  kind: ExportKind;
}

/**
 * `rows[i][j]` is column j of row i; `rowName(i)` names the row in an error ("PO-0003").
 * `withHeader` false: no header row (PayPal's batch file).
 */
export function csvTable(
  filename: string,
  columns: readonly ExportColumn[],
  rows: ReadonlyArray<readonly string[]>,
  options: { withHeader: boolean; rowName: (i: number) => string },
): FileDownload {
  const data = rows.map((row, i) =>
    columns.map((c, j) => exportCell(row[j] ?? '', c.kind, { column: c.header, row: options.rowName(i) })),
  );
  const fields = options.withHeader
    ? columns.map((c) => exportCell(c.header, 'text', { column: '', row: '' }))
    : [];
  const content = Papa.unparse(
    { fields, data },
    { header: options.withHeader, newline: '\r\n', quotes: false },
  );
  return { filename, mimeType: 'text/csv', content: `${content}\r\n` };
}
