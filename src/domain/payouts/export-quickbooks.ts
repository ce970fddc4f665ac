/**
 * QuickBooks Online journal entries (Settings > Import data > Journal Entries), following Intuit's
 * "Import journal entries" article
 * (https://quickbooks.intuit.com/learn-support/en-us/help-article/import-export-files/import-journal-entries-quickbooks-online/L4tQBwbs7_US_en_US):
 * columns Journal No., Journal Date, Account Name, Debits, Credits, Description, Name (a line on
 * Accounts Payable needs the supplier's name). One balanced entry per payout: its amount debited to
 * the commissions expense and credited to Accounts Payable for the partner; the Payout ID is the
 * journal number. Dates as MM/DD/YYYY. Only Approved or Paid payouts; one currency per file (QBO
 * posts in the home currency unless multicurrency is on).
 */
import { toDecimalText } from '../money';
import type { FileDownload } from '../../shared/api';
import { ACCOUNTING_ACCOUNTS, dayAs } from './accounting-accounts';
import { exportName, payoutFile } from './csv-file';
import type { ExportColumn } from '../export/csv-table';
import { owedPayouts } from './export-xero';
import { PayoutError, payoutMessages as m } from './messages';
import type { PayoutPartner, PayoutRecord } from './types';

/** How each column is exported (domain/export/csv-cell.ts): formatted columns validated, the rest escaped. */
const QUICKBOOKS_COLUMNS: readonly ExportColumn[] = [
  { header: 'Journal No.', kind: 'id' },
  { header: 'Journal Date', kind: 'text' },
  { header: 'Account Name', kind: 'text' },
  { header: 'Debits', kind: 'amount' },
  { header: 'Credits', kind: 'amount' },
  { header: 'Description', kind: 'text' },
  { header: 'Name', kind: 'text' },
];

export const QUICKBOOKS_JOURNAL_HEADER = QUICKBOOKS_COLUMNS.map((c) => c.header);

export function quickbooksJournalCsv(
  payouts: readonly PayoutRecord[],
  partners: ReadonlyMap<string, PayoutPartner>,
): FileDownload {
  owedPayouts(payouts, 'QuickBooks Online');
  const currencies = [...new Set(payouts.map((p) => p.currency))].sort();
  if (currencies.length > 1) throw new PayoutError(m.oneCurrency('QuickBooks Online journal', currencies));
  const rows = payouts.flatMap((p) => {
    const name = partners.get(p.partnerId)?.partnerName || p.partnerName;
    const day = dayAs(p.createdOn, 'mdy');
    const amount = toDecimalText(p.amountMinor, p.currency);
    const description = `Partner commissions ${p.period} (${p.id}, ${p.partnerId})`;
    return [
      [p.id, day, ACCOUNTING_ACCOUNTS.quickbooksExpense, amount, '', description, name],
      [p.id, day, ACCOUNTING_ACCOUNTS.quickbooksPayable, '', amount, description, name],
    ];
  });
  // two rows per payout: each names its payout in an error
  const rowPayouts = payouts.flatMap((p) => [p, p]);
  return payoutFile(
    exportName(
      'quickbooks-journal',
      payouts.map((p) => p.id),
    ),
    QUICKBOOKS_COLUMNS,
    rowPayouts,
    rows,
    true,
  );
}
