/**
 * Reading a CSV file with papaparse: a header row, a byte-order mark, quoted fields (with commas
 * and line breaks inside), CRLF or LF, blank lines skipped. Each record keeps the 1-based line it
 * starts on, so a person can find it in the file.
 */
import Papa from 'papaparse';
import { importMessages } from './messages';

export interface CsvRecord {
  line: number;
  values: string[];
  errors: string[];
}

export interface CsvTable {
  headers: string[];
  records: CsvRecord[];
}

export function parseCsv(text: string): CsvTable {
  const source = text.replace(/^\uFEFF/, '');
  const rows: Array<{ values: string[]; start: number; errors: string[] }> = [];
  let cursor = 0;
  Papa.parse<string[]>(source, {
    skipEmptyLines: 'greedy',
    step: (result) => {
      rows.push({
        values: result.data,
        start: cursor,
        errors: result.errors.map((error) => importMessages.csvProblem(error.message)),
      });
      cursor = result.meta.cursor;
    },
  });
  let newlines = 0;
  let counted = 0;
  const lineAt = (start: number) => {
    let first = start;
    while (first < source.length && /[\r\n\t ]/.test(source[first])) first++;
    for (; counted < first; counted++) if (source[counted] === '\n') newlines++;
    return newlines + 1;
  };
  const withLines = rows.map((row) => ({ ...row, line: lineAt(row.start) }));
  const [header, ...body] = withLines;
  if (!header) return { headers: [], records: [] };
  const headers = header.values.map((value) => value.trim());
  return {
    headers,
    records: body.map(({ line, values, errors }) => ({
      line,
      values,
      errors:
        errors.length === 0 && values.length !== headers.length
          ? [importMessages.columnCount(values.length, headers.length)]
          : errors,
    })),
  };
}
