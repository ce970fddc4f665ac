import type { SheetDef } from '../schema-types';
import { PAYOUT_STATUSES } from '../../shared/statuses';
import { col, idCol } from './column';

export const PAYOUTS: SheetDef = {
  key: 'payouts',
  name: 'Payouts',
  identifying: 'payoutId',
  id: { column: 'payoutId', kind: 'payout' },
  protection: 'sheet',
  tracked: true,
  banded: true,
  columns: [
    idCol('payoutId', 'Payout ID', 'The payout'),
    col('partnerId', 'Partner ID', 'The partner paid.', { width: 100 }),
    col('partnerName', 'Partner Name', 'The partner paid.', { width: 180 }),
    col('currency', 'Currency', 'Currency of the payout.', { width: 90 }),
    col('amount', 'Amount', 'Sum of its commission lines.', { width: 120, format: 'money' }),
    col('lines', 'Lines', 'Number of commission lines it pays.', { width: 70, format: 'integer' }),
    col('period', 'Period', 'The period it covers.', { width: 110 }),
    col('status', 'Status', 'Draft, Approved or Paid.', {
      width: 100,
      validation: { kind: 'values', values: PAYOUT_STATUSES },
    }),
    col('createdOn', 'Created On', 'Date it was created.', { width: 110, format: 'date' }),
    col('paidOn', 'Paid On', 'Date it was paid.', { width: 110, format: 'date' }),
    col('reference', 'Reference', 'Payment reference (bank transfer, PayPal, Wise).', { width: 180 }),
    col('createdBy', 'Created By', 'Who created it.', { width: 170 }),
    col('approvedBy', 'Approved By', 'Who approved it (Settings > Payout Approval).', { width: 170 }),
    col('approvedOn', 'Approved On', 'Date it was approved.', { width: 110, format: 'date' }),
    col(
      'payeeEmail',
      'Payee Email',
      'The partner’s Contact Email when it was approved: payment files pay it.',
      {
        width: 200,
      },
    ),
  ],
};
