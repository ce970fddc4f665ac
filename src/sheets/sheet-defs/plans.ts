import type { ColumnDef, SheetDef } from '../schema-types';
import {
  PLAN_COLUMNS,
  PLAN_MODES,
  PLAN_PERIODS,
  PLAN_TYPES,
  type PlanRowKey,
} from '../../shared/schema/plan';
import { col, idCol } from './column';

type Look = { note: string; extra?: Partial<ColumnDef> };

const amount = (width: number): Partial<ColumnDef> => ({
  width,
  format: 'money',
  validation: { kind: 'nonNegative' },
  strict: true,
});
const count = (width: number): Partial<ColumnDef> => ({
  width,
  format: 'integer',
  validation: { kind: 'nonNegative' },
  strict: true,
});
const percent = (width: number): Partial<ColumnDef> => ({
  width,
  format: 'percent',
  validation: { kind: 'nonNegative' },
  strict: true,
});

/**
 * How each Plans column looks in the sheet (its note, width, format, validation). Which columns
 * there are, in which order and under which header is PLAN_COLUMNS (shared/schema/plan.ts), the
 * one list the plan rows are read and written by; every key of it must have its look here.
 */
const LOOKS: Readonly<Record<Exclude<PlanRowKey, 'planId'>, Look>> = {
  planName: {
    note: 'The name partners are assigned by (Partners > Plan).',
    extra: { width: 170, required: true },
  },
  type: {
    note: 'percent, flat, tiered or recurring.',
    extra: { width: 100, validation: { kind: 'values', values: PLAN_TYPES }, strict: true },
  },
  currency: {
    note: 'Currency of flat amounts, caps and bonuses.',
    extra: { width: 90, validation: { kind: 'list', list: 'currencies' }, strict: true },
  },
  rate: {
    note: 'Percent of the deal value, e.g. 12 for 12% (percent and recurring plans).',
    extra: percent(80),
  },
  amount: { note: 'Fixed amount per won deal (flat plans).', extra: amount(110) },
  period: {
    note: 'quarter or year: the window tiered volume is counted over.',
    extra: { width: 90, validation: { kind: 'values', values: PLAN_PERIODS }, strict: true },
  },
  mode: {
    note: 'graduated (each band its rate) or whole (the reached band’s rate on all).',
    extra: { width: 100, validation: { kind: 'values', values: PLAN_MODES }, strict: true },
  },
  bands: { note: 'Tiered bands as "from:rate" pairs, e.g. 0:10%; 50000:15%.', extra: { width: 200 } },
  months: { note: 'Recurring plans: months paid.', extra: count(80) },
  firstMonths: { note: 'Recurring plans: months at Rate before Then Rate applies.', extra: count(100) },
  thenRate: { note: 'Recurring plans: percent after First Months, e.g. 12 for 12%.', extra: percent(90) },
  capPerDeal: { note: 'Most a single deal can earn.', extra: amount(110) },
  firstDealBonus: { note: 'Paid once on the partner’s first won deal.', extra: amount(130) },
  thresholdOver: { note: 'Volume in a period above which Threshold Bonus is paid.', extra: amount(120) },
  thresholdBonus: {
    note: 'Bonus paid once when the period’s volume passes Threshold Over.',
    extra: amount(130),
  },
  holdDays: {
    note: 'Days before a commission becomes eligible (blank: Settings > Hold Days).',
    extra: count(90),
  },
  notes: { note: 'Anything worth knowing.', extra: { width: 220 } },
  effectiveFrom: {
    note: 'The day this version applies from: deals closed on or after it use it, until a later row of the same Plan Name (blank: from the start). Lines already earned are never recomputed by a new version.',
    extra: { width: 110, format: 'date', validation: { kind: 'date' }, strict: true },
  },
};

/**
 * One row per commission plan; the commission engine reads it. The whole sheet is what the ledger is
 * computed from: only the owner and the Team edit it (a sheet protection listing them).
 */
export const PLANS: SheetDef = {
  key: 'plans',
  name: 'Plans',
  identifying: 'planName',
  id: { column: 'planId', kind: 'plan' },
  protection: 'sheet',
  tracked: true,
  banded: true,
  columns: PLAN_COLUMNS.map(({ key, header }) =>
    key === 'planId' ? idCol(key, header, 'The plan') : col(key, header, LOOKS[key].note, LOOKS[key].extra),
  ),
};
