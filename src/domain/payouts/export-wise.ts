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
import { csvFile, exportName } from './csv-file';
import { payeeOf } from './payee';
import type { PayoutPartner, PayoutRecord } from './types';
import type { FileDownload } from '../../shared/api';

export const WISE_HEADER = [
  'name',
  'recipientEmail',
  'paymentReference',
  'receiverType',
  'amountCurrency',
  'amount',
  'sourceCurrency',
  'targetCurrency',
] as const;

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
  return csvFile(
    exportName(
      'wise',
      payouts.map((p) => p.id),
    ),
    WISE_HEADER,
    rows,
  );
}
