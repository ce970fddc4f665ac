import type { SheetDef } from '../schema-types';
import { PLAN_TYPES } from '../../shared/schema/plan';
import { col, idCol } from './column';

/** One row per commission plan; the commission engine reads it. Edits ask for confirmation. */
export const PLANS: SheetDef = {
  key: 'plans',
  name: 'Plans',
  identifying: 'planName',
  id: { column: 'planId', kind: 'plan' },
  protection: 'warning',
  tracked: true,
  banded: true,
  columns: [
    idCol('planId', 'Plan ID', 'The plan'),
    col('planName', 'Plan Name', 'The name partners are assigned by (Partners > Plan).', {
      width: 170,
      required: true,
    }),
    col('type', 'Type', 'percent, flat, tiered or recurring.', {
      width: 100,
      validation: { kind: 'values', values: PLAN_TYPES },
      strict: true,
    }),
    col('currency', 'Currency', 'Currency of flat amounts, caps and bonuses.', {
      width: 90,
      validation: { kind: 'list', list: 'currencies' },
      strict: true,
    }),
    col('rate', 'Rate', 'Percent of the deal value, e.g. 12 for 12% (percent and recurring plans).', {
      width: 80,
      format: 'percent',
      validation: { kind: 'nonNegative' },
      strict: true,
    }),
    col('amount', 'Amount', 'Fixed amount per won deal (flat plans).', {
      width: 110,
      format: 'money',
      validation: { kind: 'nonNegative' },
      strict: true,
    }),
    col('period', 'Period', 'quarter or year: the window tiered volume is counted over.', {
      width: 90,
      validation: { kind: 'values', values: ['quarter', 'year'] },
      strict: true,
    }),
    col('mode', 'Mode', 'graduated (each band its rate) or whole (the reached band’s rate on all).', {
      width: 100,
      validation: { kind: 'values', values: ['graduated', 'whole'] },
      strict: true,
    }),
    col('bands', 'Bands', 'Tiered bands as "from:rate" pairs, e.g. 0:10%; 50000:15%.', { width: 200 }),
    col('months', 'Months', 'Recurring plans: months paid.', {
      width: 80,
      format: 'integer',
      validation: { kind: 'nonNegative' },
      strict: true,
    }),
    col('firstMonths', 'First Months', 'Recurring plans: months at Rate before Then Rate applies.', {
      width: 100,
      format: 'integer',
      validation: { kind: 'nonNegative' },
      strict: true,
    }),
    col('thenRate', 'Then Rate', 'Recurring plans: percent after First Months, e.g. 12 for 12%.', {
      width: 90,
      format: 'percent',
      validation: { kind: 'nonNegative' },
      strict: true,
    }),
    col('capPerDeal', 'Cap Per Deal', 'Most a single deal can earn.', {
      width: 110,
      format: 'money',
      validation: { kind: 'nonNegative' },
      strict: true,
    }),
    col('firstDealBonus', 'First Deal Bonus', 'Paid once on the partner’s first won deal.', {
      width: 130,
      format: 'money',
      validation: { kind: 'nonNegative' },
      strict: true,
    }),
    col('thresholdOver', 'Threshold Over', 'Volume in a period above which Threshold Bonus is paid.', {
      width: 120,
      format: 'money',
      validation: { kind: 'nonNegative' },
      strict: true,
    }),
    col(
      'thresholdBonus',
      'Threshold Bonus',
      'Bonus paid once when the period’s volume passes Threshold Over.',
      {
        width: 130,
        format: 'money',
        validation: { kind: 'nonNegative' },
        strict: true,
      },
    ),
    col('holdDays', 'Hold Days', 'Days before a commission becomes eligible (blank: Settings > Hold Days).', {
      width: 90,
      format: 'integer',
      validation: { kind: 'nonNegative' },
      strict: true,
    }),
    col('notes', 'Notes', 'Anything worth knowing.', { width: 220 }),
  ],
};
