/**
 * The accounting exports of approved payouts: Xero bills (Xero's bill import template) and
 * QuickBooks Online journal entries (Intuit's journal entry import columns), escaped as every export.
 */
import Papa from 'papaparse';
import { exportPayoutsCsv, type PayoutRecord } from '../../../src/domain/payouts';

const partners = [
  { id: 'P-0001', partnerName: 'Acme Resellers', contactEmail: 'pay@acme.example' },
  { id: 'P-0002', partnerName: '=HYPERLINK("http://x")', contactEmail: 'b@beta.example' },
];

const payout = (
  id: string,
  partnerId: string,
  amountMinor: number,
  status: PayoutRecord['status'] = 'Approved',
): PayoutRecord => ({
  id,
  partnerId,
  partnerName: partners.find((p) => p.id === partnerId)!.partnerName,
  currency: 'USD',
  amountMinor,
  lineIds: ['C-1', 'C-2'],
  period: '2026-01-10 to 2026-03-31',
  status,
  createdOn: '2026-04-03',
  paidOn: '',
  reference: '',
});

const rows = (content: string) => Papa.parse<string[]>(content.trim()).data;

test('Xero bills: the template columns, one bill per payout, DD/MM/YYYY, exact amounts, formulas escaped', () => {
  const file = exportPayoutsCsv(
    [payout('PO-0001', 'P-0001', 1_200_050), payout('PO-0002', 'P-0002', 5)],
    partners,
    'xero',
  );
  expect(file.filename).toBe('payouts-xero-bills-PO-0001-PO-0002.csv');
  const [header, first, second] = rows(file.content);
  expect(header.filter((h) => h.startsWith('*'))).toEqual([
    '*ContactName',
    '*InvoiceNumber',
    '*InvoiceDate',
    '*DueDate',
    '*Quantity',
    '*UnitAmount',
    '*AccountCode',
    '*TaxType',
  ]);
  const cell = (row: string[], column: string) => row[header.indexOf(column)];
  expect(cell(first, '*ContactName')).toBe('Acme Resellers');
  expect(cell(first, 'EmailAddress')).toBe('pay@acme.example');
  expect(cell(first, '*InvoiceNumber')).toBe('PO-0001');
  expect(cell(first, '*InvoiceDate')).toBe('03/04/2026');
  expect(cell(first, '*DueDate')).toBe('03/04/2026');
  expect(cell(first, '*Quantity')).toBe('1');
  expect(cell(first, '*UnitAmount')).toBe('12000.50');
  expect(cell(first, 'Currency')).toBe('USD');
  expect(cell(second, '*UnitAmount')).toBe('0.05');
  expect(cell(second, '*ContactName')).toBe('\'=HYPERLINK("http://x")');
});

test('QuickBooks Online: two balanced lines per payout (expense debited, A/P credited with the partner), MM/DD/YYYY', () => {
  const file = exportPayoutsCsv([payout('PO-0001', 'P-0001', 1_200_050)], partners, 'quickbooks');
  expect(file.filename).toBe('payouts-quickbooks-journal-PO-0001.csv');
  expect(rows(file.content)).toEqual([
    ['Journal No.', 'Journal Date', 'Account Name', 'Debits', 'Credits', 'Description', 'Name'],
    [
      'PO-0001',
      '04/03/2026',
      'Commissions & fees',
      '12000.50',
      '',
      'Partner commissions 2026-01-10 to 2026-03-31 (PO-0001, P-0001)',
      'Acme Resellers',
    ],
    [
      'PO-0001',
      '04/03/2026',
      'Accounts Payable (A/P)',
      '',
      '12000.50',
      'Partner commissions 2026-01-10 to 2026-03-31 (PO-0001, P-0001)',
      'Acme Resellers',
    ],
  ]);
});

test.each(['xero', 'quickbooks'] as const)('%s: a Draft payout is refused, naming it', (format) => {
  expect(() => exportPayoutsCsv([payout('PO-0009', 'P-0001', 100, 'Draft')], partners, format)).toThrow(
    /PO-0009 is Draft; only Approved or Paid payouts go to/,
  );
});

test('QuickBooks: one currency per file', () => {
  expect(() =>
    exportPayoutsCsv(
      [payout('PO-0001', 'P-0001', 100), { ...payout('PO-0002', 'P-0001', 100), currency: 'EUR' }],
      partners,
      'quickbooks',
    ),
  ).toThrow('one currency');
});
