export const importMessages = {
  columnCount: (found: number, expected: number) =>
    `This line has ${found} value${found === 1 ? '' : 's'}, the header has ${expected}`,
  csvProblem: (message: string) => `The CSV cannot be read here: ${message}`,
  duplicatePartner: (line: number, what: string) => `Same partner as line ${line} (${what})`,
  duplicateLead: (line: number, company: string, partnerId: string) =>
    `Same company as line ${line} ('${company}' for ${partnerId})`,
} as const;
