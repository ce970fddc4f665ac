/**
 * Xero bills (Business > Bills to pay > Import), one bill per payout, the columns of Xero's bill
 * import template (Xero Central, "Import bills": https://central.xero.com/s/article/Import-bills):
 * *ContactName (the partner), EmailAddress, the postal address columns (empty), *InvoiceNumber (the
 * Payout ID, unique per supplier), *InvoiceDate (the payout's day), *DueDate (the same day: it is
 * owed now), InventoryItemCode (empty), Description, *Quantity (1), *UnitAmount (the amount, a point
 * for decimals, no symbol), *AccountCode, *TaxType, the tracking columns (empty) and Currency.
 * Dates as DD/MM/YYYY. Only Approved or Paid payouts: a Draft is not owed yet.
 */
import { toDecimalText } from '../money';
import { PAYOUT_STATUS } from '../../shared/statuses';
import type { FileDownload } from '../../shared/api';
import { ACCOUNTING_ACCOUNTS, dayAs } from './accounting-accounts';
import { exportName, payoutFile } from './csv-file';
import type { ExportColumn } from '../export/csv-table';
import type { ExportKind } from '../export/csv-cell';
import { PayoutError, payoutMessages as m } from './messages';
import type { PayoutPartner, PayoutRecord } from './types';

export const XERO_BILL_HEADER = [
  '*ContactName',
  'EmailAddress',
  'POAddressLine1',
  'POAddressLine2',
  'POAddressLine3',
  'POAddressLine4',
  'POCity',
  'PORegion',
  'POPostalCode',
  'POCountry',
  '*InvoiceNumber',
  '*InvoiceDate',
  '*DueDate',
  'InventoryItemCode',
  'Description',
  '*Quantity',
  '*UnitAmount',
  '*AccountCode',
  '*TaxType',
  'TrackingName1',
  'TrackingOption1',
  'TrackingName2',
  'TrackingOption2',
  'Currency',
] as const;

/** How each column is exported (domain/export/csv-cell.ts): formatted columns validated, the rest escaped. */
const XERO_KINDS: Partial<Record<(typeof XERO_BILL_HEADER)[number], ExportKind>> = {
  EmailAddress: 'email',
  '*InvoiceNumber': 'id',
  '*Quantity': 'count',
  '*UnitAmount': 'amount',
  Currency: 'currency',
};
const XERO_COLUMNS: readonly ExportColumn[] = XERO_BILL_HEADER.map((header) => ({
  header,
  kind: XERO_KINDS[header] ?? 'text',
}));

/** Approved or Paid only (an accounting export records what is owed). */
export function owedPayouts(payouts: readonly PayoutRecord[], format: string): void {
  for (const p of payouts)
    if (p.status !== PAYOUT_STATUS.Approved && p.status !== PAYOUT_STATUS.Paid)
      throw new PayoutError(m.notApprovedForExport(p.id, p.status || 'without a status', format));
}

export function xeroBillsCsv(
  payouts: readonly PayoutRecord[],
  partners: ReadonlyMap<string, PayoutPartner>,
): FileDownload {
  owedPayouts(payouts, 'Xero');
  const rows = payouts.map((p) => {
    const partner = partners.get(p.partnerId);
    const day = dayAs(p.createdOn, 'dmy');
    const cells: Record<string, string> = {
      '*ContactName': partner?.partnerName || p.partnerName,
      EmailAddress: partner?.contactEmail ?? '',
      '*InvoiceNumber': p.id,
      '*InvoiceDate': day,
      '*DueDate': day,
      Description: `Partner commissions ${p.period} (${p.lineIds.length} lines, ${p.partnerId})`,
      '*Quantity': '1',
      '*UnitAmount': toDecimalText(p.amountMinor, p.currency),
      '*AccountCode': ACCOUNTING_ACCOUNTS.xeroAccountCode,
      '*TaxType': ACCOUNTING_ACCOUNTS.xeroTaxType,
      Currency: p.currency,
    };
    return XERO_BILL_HEADER.map((column) => cells[column] ?? '');
  });
  return payoutFile(
    exportName(
      'xero-bills',
      payouts.map((p) => p.id),
    ),
    XERO_COLUMNS,
    payouts,
    rows,
    true,
  );
}
