/**
 * The formula-injection rule and how text is written into cells, in one place.
 *
 * - `FORMULA_START`: text that a spreadsheet would read as a formula (or that CSV tools treat as one)
 *   starts with = + - @, tab or CR. (Exports use the wider rule in domain/export/csv-cell.ts.)
 * - A cell that is not plain text parses a string written into it as a person's typing: "=..." a
 *   formula, "00123" the number 123, "1/2" a date, "TRUE" a boolean, "12.5%" 0.125, and a leading
 *   apostrophe is dropped (it marks the rest as text). `cellText(v, false)` puts an apostrophe before
 *   every string Sheets could change, so what is read back is exactly the string.
 * - A plain-text cell (number format "@") keeps a string as written, apostrophes included: text is
 *   written as it is. Only a string starting with "=" (after any apostrophes) gets one more leading
 *   apostrophe, in case a person turned the column's format back to Automatic; `readPlainText`
 *   removes it, so the round trip is exact.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

const PLAIN_GUARD = /^'*=/;
const GUARDED = /^'+=/;
const BOOLEAN = /^\s*(true|false)\s*$/i;

export function neutralizeFormula(value: unknown): unknown {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/** The text as it was before `neutralizeFormula` (a cell that kept the apostrophe reads back with it). */
export function restoreNeutralized(value: unknown): unknown {
  return typeof value === 'string' && value.startsWith("'") && FORMULA_START.test(value.slice(1))
    ? value.slice(1)
    : value;
}

/** Whether Sheets could turn this string into something else in a cell that is not plain text. */
export function sheetsWouldParse(text: string): boolean {
  return (
    text.startsWith("'") ||
    FORMULA_START.test(text) ||
    /\d/.test(text) ||
    BOOLEAN.test(text) ||
    // a date or number typed with a leading currency sign, a fraction without digits never parses
    /^\s*[$€£¥.,(]/.test(text)
  );
}

/** A value as written to a cell: plain-text cells (`plain`) or any other. Non-strings unchanged. */
export function cellText(value: unknown, plain: boolean): unknown {
  if (typeof value !== 'string' || value === '') return value;
  if (plain) return PLAIN_GUARD.test(value) ? `'${value}` : value;
  return sheetsWouldParse(value) ? `'${value}` : value;
}

/** A string read from a plain-text cell written by `cellText(v, true)`: the guard apostrophe removed. */
export function readPlainText(value: unknown): unknown {
  return typeof value === 'string' && GUARDED.test(value) ? value.slice(1) : value;
}
