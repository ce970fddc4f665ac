/** Errors as Apps Script throws them: name "Exception", so String(e) reads "Exception: ...". */
export function exception(message: string): Error {
  const error = new Error(message);
  error.name = 'Exception';
  return error;
}

/** Grid cells (empty ones included) a spreadsheet may hold. */
export const GRID_CELL_LIMIT = 10_000_000;
/** Characters a cell may hold. */
export const CELL_CHAR_LIMIT = 50_000;

export const SheetErrors = {
  outsideGrid: 'The coordinates of the range are outside the dimensions of the sheet.',
  sheetExists: (name: string) => `A sheet with the name "${name}" already exists. Please enter another name.`,
  rowsMismatch: (data: number, range: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  columnsMismatch: (data: number, range: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  protectedCell:
    'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
  rangeNotFound: 'Range not found',
  invalidArgument: (name: string) => `Invalid argument: ${name}`,
  lastSheet: "You can't remove all the sheets in a document.",
  /**
   * Sheets counts every cell of every sheet's grid (maxRows x maxColumns, empty cells included)
   * toward 10 million per spreadsheet (support.google.com/drive/answer/37603); Apps Script and the
   * Sheets API refuse a change that would pass it with this text (reported verbatim by users).
   */
  cellLimit: `This action would increase the number of cells in the workbook above the limit of ${GRID_CELL_LIMIT} cells.`,
  /**
   * 50,000 characters per cell: not on Google's limits page; the limit and this text are reported
   * verbatim by users of setValues and the Sheets API.
   */
  cellTooLong: `Your input contains more than the maximum of ${CELL_CHAR_LIMIT} characters in a single cell.`,
  /**
   * Protection.getEditors and canDomainEdit "throw an exception if the user does not have
   * permission to edit the protected range or sheet"
   * (developers.google.com/apps-script/reference/spreadsheet/protection). The text is not
   * documented: Apps Script's usual permission refusal.
   */
  protectionDenied: 'You do not have permission to perform that action.',
} as const;
