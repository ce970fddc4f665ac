/** Cells written by the tracker go through the cell-text rule (domain/formula-text.ts). */
import { cellText, neutralizeFormula } from '../domain/formula-text';
import type { ColumnDef, FormatKind } from './schema-types';

export { neutralizeFormula };

/** The formats set-up gives as plain text ("@"): text is written and read as it is. */
export function isPlainTextFormat(format: FormatKind | undefined): boolean {
  return format === 'text' || format === 'plainText';
}

export function isPlainTextColumn(column: ColumnDef | undefined): boolean {
  return !!column && isPlainTextFormat(column.format);
}

/**
 * A block of values ready for setValues: each string as `cellText` writes it into its column,
 * `plain(j)` telling whether the block's j-th column is plain text (none is, when not given: every
 * string Sheets could change gets its apostrophe).
 */
export function neutralizeBlock(
  rows: readonly (readonly unknown[])[],
  plain: (j: number) => boolean = () => false,
): unknown[][] {
  const plainCols = rows.length ? rows[0].map((_, j) => plain(j)) : [];
  return rows.map((row) => row.map((v, j) => cellText(v, plainCols[j] ?? false)));
}
