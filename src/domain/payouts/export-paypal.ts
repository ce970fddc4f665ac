/**
 * PayPal Payouts Web batch file, following PayPal's published format:
 *   https://developer.paypal.com/docs/payouts/standard/payouts-web/
 *   https://developer.paypal.com/payouts/use-payouts/send-money/use-web-ui
 * No header row; one payout per row, columns left to right: recipient identifier (email), payment
 * amount (a point for decimals), currency (ISO 4217, ONE currency per file), customer ID (optional,
 * at most 30 characters, no spaces: the Payout ID), note to recipient (optional, at most 400
 * characters), recipient wallet (PAYPAL). At most 5,000 rows per file.
 */
import { toDecimalText } from '../money';
import { exportName, payoutFile } from './csv-file';
import type { ExportColumn } from '../export/csv-table';
import { PayoutError, payoutMessages as m } from './messages';
import { payeeOf } from './payee';
import type { PayoutPartner, PayoutRecord } from './types';
import type { FileDownload } from '../../shared/api';

const COLUMNS: readonly ExportColumn[] = [
  { header: 'Recipient', kind: 'email' },
  { header: 'Amount', kind: 'amount' },
  { header: 'Currency', kind: 'currency' },
  { header: 'Customer ID', kind: 'id' },
  { header: 'Note', kind: 'text' },
  { header: 'Wallet', kind: 'text' },
];

export const PAYPAL_COLUMNS = COLUMNS.map((c) => c.header);

export function paypalCsv(
  payouts: readonly PayoutRecord[],
  partners: ReadonlyMap<string, PayoutPartner>,
): FileDownload {
  const currencies = [...new Set(payouts.map((p) => p.currency))].sort();
  if (currencies.length > 1) throw new PayoutError(m.oneCurrency('PayPal Payouts', currencies));
  const rows = payouts.map((p) => {
    const email = payeeOf(p, partners.get(p.partnerId), 'PayPal Payouts');
    const note = `Partner commission ${p.id}, ${p.period}`.slice(0, 400);
    return [
      email,
      toDecimalText(p.amountMinor, p.currency),
      p.currency,
      p.id.replace(/\s/g, '').slice(0, 30),
      note,
      'PAYPAL',
    ];
  });
  return payoutFile(
    exportName(
      'paypal',
      payouts.map((p) => p.id),
    ),
    COLUMNS,
    payouts,
    rows,
    false,
  );
}
