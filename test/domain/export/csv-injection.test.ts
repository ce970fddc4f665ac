/**
 * OWASP CSV injection (owasp.org/www-community/attacks/CSV_Injection) over every export format: each
 * payload in every free-text column comes out inert (an apostrophe before it, nothing else changed);
 * columns with a defined format are validated, so a valid value is never altered.
 */
import Papa from 'papaparse';
import { escapeText, exportCell, formulaLike } from '../../../src/domain/export/csv-cell';
import { exportPayoutsCsv, type PayoutRecord } from '../../../src/domain/payouts';
import type { PayoutExportFormat } from '../../../src/shared/api';

const PAYLOADS = [
  '=1+1',
  '+1+1',
  '-1+1',
  '@SUM(1,1)',
  '=HYPERLINK("http://x.test","click")',
  "=cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
  '\n=1+1',
  ' =1+1',
  '   +1',
  '\u00a0=1', // no-break space
  '\u200b=1+1', // zero-width space
  '\u200e=1+1', // left-to-right mark
  '\u202e=1+1', // right-to-left override
  '\u2060@x', // word joiner
  '\ufeff=1+1', // byte order mark
  '\u0000=1', // NUL
  '\u0007-1', // BEL
  '\u001b=1', // ESC
  '\u0085=1', // next line (C1)
  '\uff1d1+1', // ＝ full-width
  '\uff0b1+1', // ＋
  '\uff0d1+1', // －
  '\uff20SUM(1)', // ＠
  '\ufe661+1', // ﹦ small form
  '\ufe621', // ﹢
  '\ufe631', // ﹣
  '\ufe6bx', // ﹫
  '\u22121+1', // − minus sign
  ' \u200b\uff1d1', // stacked: space, zero-width, full-width
];

const BENIGN = ['Acme', "O'Brien & Sons", 'Müller GmbH', '12:30', 'a-b', 'x=1', 'ЗАО Ромашка', '東京', ''];

describe('formulaLike / escapeText', () => {
  it.each(PAYLOADS.map((p) => [JSON.stringify(p), p]))('%s is formula-like and escaped', (_name, payload) => {
    expect(formulaLike(payload)).toBe(true);
    expect(escapeText(payload)).toBe(`'${payload}`);
  });

  it.each(BENIGN.map((b) => [JSON.stringify(b), b]))('%s is left as it is', (_name, text) => {
    expect(formulaLike(text)).toBe(false);
    expect(escapeText(text)).toBe(text);
  });
});

describe('formatted columns are validated, not escaped', () => {
  const at = { column: 'Contact Email', row: 'PO-0001' };
  it.each([
    ['email', '-billing@partner.test'],
    ['email', '+tag@partner.test'],
    ['amount', '-15.00'],
    ['amount', '1234.567'],
    ['isoDay', '2026-03-02'],
    ['currency', 'USD'],
    ['id', 'PO-0001'],
    ['count', '12'],
  ] as const)('a valid %s (%s) is written unchanged', (kind, value) => {
    expect(exportCell(value, kind, at)).toBe(value);
  });

  it.each([
    ['email', '=HYPERLINK("x")@a.test'],
    ['email', '@evil.test'],
    ['email', '\uff1dx@a.test'],
    ['amount', '-1+1'],
    ['amount', '\uff0d15'],
    ['isoDay', '2026-03-02=1'],
    ['currency', '=USD'],
    ['id', '@PO-1'],
    ['count', '+1'],
  ] as const)('an invalid %s (%j) is refused, naming the column and row', (kind, value) => {
    expect(() => exportCell(value, kind, at)).toThrow(/^PO-0001: Contact Email ".*" is not /);
  });
});

describe('every export format, every free-text column', () => {
  const partners = [{ id: 'P-0001', partnerName: 'Acme', contactEmail: '-pay@acme.test' }];
  const payout = (payload: string): PayoutRecord => ({
    id: 'PO-0001',
    partnerId: 'P-0001',
    partnerName: payload,
    currency: 'USD',
    amountMinor: 1500,
    lineIds: ['C-000001'],
    period: payload,
    status: 'Approved',
    createdOn: '2026-04-01',
    paidOn: '',
    reference: payload,
  });
  const FORMATS: PayoutExportFormat[] = ['csv', 'paypal', 'wise'];

  it.each(FORMATS)(
    '%s: no cell a spreadsheet reads as a formula; payloads kept behind one apostrophe',
    (format) => {
      for (const payload of PAYLOADS) {
        const named = [{ ...partners[0], partnerName: payload }];
        const file = exportPayoutsCsv([payout(payload)], named, format);
        const cells = Papa.parse<string[]>(file.content, { skipEmptyLines: true }).data.flat();
        // the formatted columns hold validated values (the e-mail, amounts, ids, codes, days): the
        // free-text cells are the others, and none of them may read as a formula
        const validated = /^(-pay@acme\.test|-?\d+(\.\d+)?|[A-Z]{1,3}-\d+|[A-Z]{3}|\d{4}-\d{2}-\d{2})$/;
        for (const cell of cells) {
          if (validated.test(cell) || !formulaLike(cell)) continue;
          throw new Error(`${format}: ${JSON.stringify(cell)} for payload ${JSON.stringify(payload)}`);
        }
        // the payload itself (or the note built from it) is there, escaped once, nothing else changed
        if (format === 'paypal')
          expect(cells.some((c) => c.endsWith(payload))).toBe(true); // in the note
        else expect(cells).toContain(`'${payload}`);
        // the valid e-mail starting with "-" is exported as it is
        expect(cells).toContain('-pay@acme.test');
      }
    },
  );
});
