import type { SheetDef } from '../schema-types';
import { COMMISSION_KINDS, COMMISSION_STATUSES } from '../../shared/statuses';
import { col, idCol } from './column';

/** Written by the tracker only (the sheet is protected); one row per ledger line. */
export const COMMISSIONS: SheetDef = {
  key: 'commissions',
  name: 'Commissions',
  identifying: 'commissionId',
  id: { column: 'commissionId', kind: 'commission' },
  protection: 'sheet',
  tracked: true,
  banded: true,
  auditNewRows: 'whole',
  columns: [
    idCol('commissionId', 'Commission ID', 'The ledger line'),
    col('leadId', 'Lead ID', 'The won lead this line comes from.', { width: 100 }),
    col('partnerId', 'Partner ID', 'The partner earning it.', { width: 100 }),
    col('plan', 'Plan', 'The plan it was computed with.', { width: 140 }),
    col('kind', 'Kind', 'Commission, Bonus, Clawback (reverses a line) or Adjustment.', {
      width: 110,
      validation: { kind: 'values', values: COMMISSION_KINDS },
    }),
    col('basis', 'Basis', 'The amount the commission was computed on.', { width: 120, format: 'money' }),
    col('currency', 'Currency', 'Currency of Basis and Amount.', { width: 90 }),
    col('amount', 'Amount', 'The commission (negative for a clawback).', { width: 120, format: 'money' }),
    col('status', 'Status', 'Pending, Eligible (hold period over), Approved, Paid or Void.', {
      width: 100,
      validation: { kind: 'values', values: COMMISSION_STATUSES },
    }),
    col('earnedOn', 'Earned On', 'Date the deal closed.', { width: 110, format: 'date' }),
    col('eligibleOn', 'Eligible On', 'Date the hold period ends.', { width: 110, format: 'date' }),
    col('approvedBy', 'Approved By', 'Who approved the line.', { width: 170 }),
    col('approvedOn', 'Approved On', 'Date it was approved.', { width: 110, format: 'date' }),
    col('payoutId', 'Payout ID', 'The payout that paid it.', { width: 100 }),
    col('explanation', 'Explanation', 'How the amount was computed.', { width: 300 }),
    col('key', 'Key', 'The ledger line’s stable key (lead, plan, kind): keeps re-runs from duplicating it.', {
      width: 160,
    }),
  ],
};
