/**
 * The formula-injection rule, in one place: text that a spreadsheet would read as a formula (or that
 * CSV tools treat as one) starts with = + - @, tab or CR; it is written with a leading apostrophe,
 * which Sheets hides in a cell of the default format (and keeps in a plain-text cell).
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeFormula(value: unknown): unknown {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/** The text as it was before `neutralizeFormula` (a cell that kept the apostrophe reads back with it). */
export function restoreNeutralized(value: unknown): unknown {
  return typeof value === 'string' && value.startsWith("'") && FORMULA_START.test(value.slice(1))
    ? value.slice(1)
    : value;
}
