/**
 * THE rule for every cell of every file the tracker exports (payout CSVs, and any export added later:
 * call `exportCell`, or `csvTable` in ./csv-table.ts). OWASP "CSV Injection"
 * (owasp.org/www-community/attacks/CSV_Injection): a cell a spreadsheet program would read as a
 * formula starts with = + - @, tab or carriage return; such a cell is written with a leading
 * apostrophe, which spreadsheet programs show as text. A formula hidden behind what a person does not
 * see is caught too: leading spaces (a program may trim them), zero-width and bidirectional marks, other
 * control characters, and the full-width and compatibility forms of the four signs (＝ ＋ － ＠ ﹦ ﹢ ﹣
 * ﹫, and − U+2212), which some programs read as the ASCII sign (NFKC folds all but the minus).
 *
 * Columns with a defined format are validated, not escaped: an e-mail address, an amount, an ISO day,
 * a currency code, a tracker id or a count is written exactly as it is when it is valid (a valid
 * address that starts with "-" is not altered, so a PayPal recipient stays payable), and refused with
 * an error naming the column and the row when it is not; none of those formats can start a formula
 * except a negative amount, which every spreadsheet program reads as a number.
 */

export type ExportKind = 'text' | 'email' | 'amount' | 'isoDay' | 'currency' | 'id' | 'count';

export class ExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportError';
  }
}

/** Leading characters a person does not see: whitespace, zero-width, bidirectional marks, controls. */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- control characters are what this rule looks for
  /^[\s\u0000-\u001f\u007f-\u009f\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]+/u;
const TRIGGER = /^[=+\-@\t\r\n]/;
const WIDE_SIGNS =
  /^[\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b\u2212\u207a\u207b\u208a\u208b\u2795\u2796]/u;

/** Whether a spreadsheet program could read this text as a formula. */
export function formulaLike(text: string): boolean {
  if (text === '') return false;
  if (TRIGGER.test(text)) return true;
  const rest = text.replace(INVISIBLE, '');
  if (rest === '') return rest !== text && /[\t\r\n]/.test(text);
  return TRIGGER.test(rest) || WIDE_SIGNS.test(rest) || TRIGGER.test(rest.slice(0, 1).normalize('NFKC'));
}

/** Free text: an apostrophe before anything formula-like (OWASP). */
export function escapeText(text: string): string {
  return formulaLike(text) ? `'${text}` : text;
}

const FORMATS: Record<Exclude<ExportKind, 'text'>, { test: RegExp; what: string }> = {
  // the shared schema's e-mail shape (no spaces, one @, a dotted domain); never starts with = or @
  email: {
    test: /^[A-Za-z0-9_+\-.!#$%&'*/?^`{|}~]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/,
    what: 'an e-mail address',
  },
  amount: { test: /^-?\d+(\.\d+)?$/, what: 'an amount (digits and a point)' },
  isoDay: { test: /^\d{4}-\d{2}-\d{2}$/, what: 'a date (YYYY-MM-DD)' },
  currency: { test: /^[A-Z]{3}$/, what: 'a currency code' },
  id: { test: /^[A-Z]{1,3}-\d{1,9}$/, what: 'a tracker id' },
  count: { test: /^\d+$/, what: 'a count' },
};

/**
 * One cell of an export: free text escaped, a formatted value validated (empty is allowed; the
 * caller refuses a missing value it needs). `where` names the column and row for the error.
 */
export function exportCell(value: string, kind: ExportKind, where: { column: string; row: string }): string {
  if (kind === 'text') return escapeText(value);
  if (value === '') return value;
  const format = FORMATS[kind];
  if (!format.test.test(value))
    throw new ExportError(
      `${where.row}: ${where.column} "${value.slice(0, 80)}" is not ${format.what}; correct it before exporting`,
    );
  return value;
}
