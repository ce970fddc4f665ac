/**
 * The accounts the accounting exports post to: each provider's default chart of accounts name or
 * code for commissions owed to a supplier. Both providers show an import preview where these can be
 * remapped to the organisation's own accounts before anything is created.
 */
export const ACCOUNTING_ACCOUNTS = {
  /** Xero: the expense account code and tax rate of each bill line (Xero's demo chart: 400). */
  xeroAccountCode: '400',
  xeroTaxType: 'Tax Exempt',
  /** QuickBooks Online: the expense debited and the liability credited (default chart names). */
  quickbooksExpense: 'Commissions & fees',
  quickbooksPayable: 'Accounts Payable (A/P)',
} as const;

/** An ISO day (2026-03-02) as DD/MM/YYYY (Xero's import) or MM/DD/YYYY (QuickBooks Online US). */
export function dayAs(day: string, order: 'dmy' | 'mdy'): string {
  const [y, m, d] = day.split('-');
  return order === 'dmy' ? `${d}/${m}/${y}` : `${m}/${d}/${y}`;
}
