/**
 * The formula-injection rule, in one place: text that a spreadsheet would read as a formula (or that
 * CSV tools treat as one) starts with = + - @, tab or CR; it is written with a leading apostrophe,
 * which Sheets hides, so the cell reads back exactly as typed.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeFormula(value: unknown): unknown {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/** A block of values ready for setValues: every string neutralized. */
export function neutralizeBlock(rows: readonly (readonly unknown[])[]): unknown[][] {
  return rows.map((row) => row.map(neutralizeFormula));
}
