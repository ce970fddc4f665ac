/**
 * Wise batch payments, the "send by email" template (the tracker knows partners' emails, not their
 * bank details), following Wise's published template help:
 *   https://wise.com/help/articles/2663302/how-do-i-fill-in-my-batch-template
 *   https://wise.com/help/articles/2663296/whats-a-batch-payment-template
 * Header row, then one transfer per payout: name (recipient's name), recipientEmail,
 * paymentReference (the Payout ID), receiverType (BUSINESS: partners are companies), amountCurrency
 * ("target": the partner receives the exact amount, fees are the sender's), amount (numerals and a
 * point only), sourceCurrency and targetCurrency (both the payout's currency). At most 1,000 rows.
 */
import { toDecimalText } from '../money';
import { exportName, payoutFile } from './csv-file';
import type { ExportColumn } from '../export/csv-table';
import { payeeOf } from './payee';
import type { PayoutPartner, PayoutRecord } from './types';
import type { FileDownload } from '../../shared/api';

const COLUMNS: readonly ExportColumn[] = [
  { header: 'name', kind: 'text' },
  { header: 'recipientEmail', kind: 'email' },
  { header: 'paymentReference', kind: 'id' },
  { header: 'receiverType', kind: 'text' },
  { header: 'amountCurrency', kind: 'text' },
  { header: 'amount', kind: 'amount' },
  { header: 'sourceCurrency', kind: 'currency' },
  { header: 'targetCurrency', kind: 'currency' },
];

export const WISE_HEADER = COLUMNS.map((c) => c.header);

export function wiseCsv(
  payouts: readonly PayoutRecord[],
  partners: ReadonlyMap<string, PayoutPartner>,
): FileDownload {
  const rows = payouts.map((p) => {
    const partner = partners.get(p.partnerId);
    const email = payeeOf(p, partner, 'Wise');
    const name = partner?.partnerName || p.partnerName;
    return [
      name,
      email,
      p.id,
      'BUSINESS',
      'target',
      toDecimalText(p.amountMinor, p.currency),
      p.currency,
      p.currency,
    ];
  });
  return payoutFile(
    exportName(
      'wise',
      payouts.map((p) => p.id),
    ),
    COLUMNS,
    payouts,
    rows,
    true,
  );
}
