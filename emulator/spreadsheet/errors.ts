/** Errors as Apps Script throws them: name "Exception", so String(e) reads "Exception: ...". */
export function exception(message: string): Error {
  const error = new Error(message);
  error.name = 'Exception';
  return error;
}

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
} as const;
