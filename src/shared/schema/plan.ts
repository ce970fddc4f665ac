/**
 * Commission plans: the typed Plan, its validation from a PlanInput (the sidebar) or a Plans sheet row
 * (hand-edited), and the Plans sheet's columns. Amounts stay decimal text in major units ("50000",
 * "12.5") until the engine converts them in the right currency; rates are percentages (12.5 = 12.5%)
 * with at most 4 decimals. Shared code cannot see domain/money, so the caller may pass
 * `currencyExponent` to have currencies and amount decimals checked here too.
 */
import * as v from 'valibot';
import { isIsoDay } from './isoDay';

export const PLAN_TYPES = ['percent', 'flat', 'tiered', 'recurring'] as const;
export const PLAN_PERIODS = ['quarter', 'year'] as const;
export const PLAN_MODES = ['graduated', 'whole'] as const;
export type PlanKind = (typeof PLAN_TYPES)[number];
export type PlanPeriod = (typeof PLAN_PERIODS)[number];
export type PlanMode = (typeof PLAN_MODES)[number];

export interface PlanBand {
  readonly from: string;
  readonly rate: number;
}

interface PlanCommon {
  readonly id?: string;
  readonly name: string;
  /** The period bands and threshold bonuses count in; quarter unless given. */
  readonly period: PlanPeriod;
  readonly currency?: string;
  readonly capPerDeal?: string;
  readonly firstDealBonus?: string;
  readonly thresholdBonus?: { readonly over: string; readonly amount: string };
  /** Absent: the Settings default (30). */
  readonly holdDays?: number;
  readonly notes?: string;
  /**
   * The day this version of the plan applies from (ISO): deals closed on or after it use it, until
   * a later version of the same Plan Name. Absent: from the start.
   */
  readonly effectiveFrom?: string;
}

export type Plan = PlanCommon &
  (
    | { readonly type: 'percent'; readonly rate: number }
    | { readonly type: 'flat'; readonly amount: string; readonly currency: string }
    | {
        readonly type: 'tiered';
        readonly currency: string;
        readonly mode: PlanMode;
        readonly bands: PlanBand[];
      }
    | {
        readonly type: 'recurring';
        readonly rate: number;
        readonly months: number;
        readonly firstMonths?: number;
        readonly thenRate?: number;
      }
  );

export interface PlanFieldError {
  field: string;
  label: string;
  message: string;
}

export type PlanValidation = { ok: true; value: Plan } | { ok: false; errors: PlanFieldError[] };

/** The Plans sheet, left to right: header a person sees, and the camelCase key of a row record. */
export const PLAN_COLUMNS = [
  { key: 'planId', header: 'Plan ID' },
  { key: 'planName', header: 'Plan Name' },
  { key: 'type', header: 'Type' },
  { key: 'currency', header: 'Currency' },
  { key: 'rate', header: 'Rate' },
  { key: 'amount', header: 'Amount' },
  { key: 'period', header: 'Period' },
  { key: 'mode', header: 'Mode' },
  { key: 'bands', header: 'Bands' },
  { key: 'months', header: 'Months' },
  { key: 'firstMonths', header: 'First Months' },
  { key: 'thenRate', header: 'Then Rate' },
  { key: 'capPerDeal', header: 'Cap Per Deal' },
  { key: 'firstDealBonus', header: 'First Deal Bonus' },
  { key: 'thresholdOver', header: 'Threshold Over' },
  { key: 'thresholdBonus', header: 'Threshold Bonus' },
  { key: 'holdDays', header: 'Hold Days' },
  { key: 'notes', header: 'Notes' },
  { key: 'effectiveFrom', header: 'Effective From' },
] as const;
export type PlanRowKey = (typeof PLAN_COLUMNS)[number]['key'];
export type PlanRow = Record<PlanRowKey, string | number>;

/** PlanInput field path -> the header shown with its error. */
const LABELS: Record<string, string> = {
  ...Object.fromEntries(PLAN_COLUMNS.map((c) => [c.key, c.header])),
  id: 'Plan ID',
  name: 'Plan Name',
  'thresholdBonus.over': 'Threshold Over',
  'thresholdBonus.amount': 'Threshold Bonus',
};

export const planMessages = {
  required: (label: string) => `${label} is required`,
  notText: (label: string) => `${label} must be text`,
  tooLong: (label: string, max: number) => `${label} is longer than ${max} characters`,
  oneOf: (label: string, value: unknown, options: readonly string[]) =>
    `${label} '${String(value)}' must be one of ${options.join(', ')}`,
  rateRange: (label: string, value: unknown) => `${label} '${String(value)}' must be between 0 and 100`,
  rateDecimals: (label: string, value: unknown) => `${label} '${String(value)}' has more than 4 decimals`,
  notNumber: (label: string, value: unknown) => `${label} '${String(value)}' is not a number`,
  negative: (label: string, value: unknown) => `${label} '${String(value)}' must not be negative`,
  wholeNumber: (label: string, value: unknown, min: number, max: number) =>
    `${label} '${String(value)}' must be a whole number from ${min} to ${max}`,
  currencyCode: (value: unknown) => `Currency '${String(value)}' is not an ISO 4217 code such as USD`,
  decimals: (value: string, code: string, exponent: number) =>
    `Amount '${value}' has more decimals than ${code} allows (${exponent})`,
  flatNeeds: 'Flat plans need an amount and a currency',
  percentNeeds: 'Percent plans need a rate',
  tieredNeeds: 'Tiered plans need a currency and bands',
  recurringNeeds: 'Recurring plans need a rate and a number of months',
  bandsRise: 'Bands must start at 0 and rise',
  bandsText: (value: string) => `Bands '${value}' must look like '0:10; 50000:15' (from:rate)`,
  splitNeedsBoth: 'First Months and Then Rate go together',
  firstMonthsRange: (first: number, months: number) =>
    `First Months '${first}' must be less than Months (${months})`,
  thresholdNeeds: 'A threshold bonus needs Threshold Over, Threshold Bonus and the plan Currency',
  effectiveFrom: (value: unknown) => `Effective From '${String(value)}' must be a day such as 2026-03-01`,
} as const;

type Issue = { field: string; message: string };

const DECIMAL = /^(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?$/;

/** A non-negative decimal (number or text) as canonical text ("1,234.50" -> "1234.5"), or an issue. */
function decimalText(value: unknown, label: string): string | { message: string } {
  const text =
    typeof value === 'number' ? (Number.isFinite(value) ? plainNumber(value) : 'NaN') : String(value).trim();
  const negative = text.startsWith('-') && /[1-9]/.test(text);
  const match = DECIMAL.exec(text.replace(/^[-+]/, ''));
  if (!match || (match[1] === '' && !match[2])) return { message: planMessages.notNumber(label, value) };
  if (negative) return { message: planMessages.negative(label, value) };
  const whole = match[1].replace(/,/g, '').replace(/^0+(?=\d)/, '') || '0';
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

function plainNumber(value: number): string {
  const text = String(value);
  return /e/.test(text) ? value.toFixed(20).replace(/\.?0+$/, '') : text;
}

/** valibot schemas per field kind, reporting the label and value. */
const amountSchema = (label: string) =>
  v.pipe(
    v.unknown(),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const result = decimalText(dataset.value, label);
      if (typeof result === 'string') return result;
      addIssue({ message: result.message });
      return NEVER;
    }),
  );

const rateSchema = (label: string) =>
  v.pipe(
    v.unknown(),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const text = decimalText(dataset.value, label);
      const value = typeof text === 'string' ? Number(text) : Number.NaN;
      const message =
        typeof text !== 'string'
          ? text.message.replace('must not be negative', 'must be between 0 and 100')
          : value > 100
            ? planMessages.rateRange(label, dataset.value)
            : (text.split('.')[1] ?? '').length > 4
              ? planMessages.rateDecimals(label, dataset.value)
              : null;
      if (message === null) return value;
      addIssue({ message });
      return NEVER;
    }),
  );

const integerSchema = (label: string, min: number, max: number) =>
  v.pipe(
    v.unknown(),
    v.transform((value) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value)),
    v.check(
      (value) => typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max,
      (issue) => planMessages.wholeNumber(label, issue.input, min, max),
    ),
    v.transform((value) => value as number),
  );

const textSchema = (label: string, max: number) =>
  v.pipe(
    v.string(planMessages.notText(label)),
    v.trim(),
    v.nonEmpty(planMessages.required(label)),
    v.maxLength(max, planMessages.tooLong(label, max)),
  );

const pick = <T extends readonly string[]>(label: string, options: T) =>
  v.pipe(
    v.unknown(),
    v.transform((value) => (typeof value === 'string' ? value.trim().toLowerCase() : value)),
    v.picklist(options, (issue) => planMessages.oneOf(label, issue.input, options)),
  );

const FIELD_SCHEMAS = {
  id: textSchema('Plan ID', 20),
  name: textSchema('Plan Name', 100),
  type: pick('Type', PLAN_TYPES),
  currency: v.pipe(
    v.unknown(),
    v.transform((value) => (typeof value === 'string' ? value.trim().toUpperCase() : value)),
    v.check(
      (value) => typeof value === 'string' && /^[A-Z]{3}$/.test(value),
      (i) => planMessages.currencyCode(i.input),
    ),
    v.transform((value) => value as string),
  ),
  rate: rateSchema('Rate'),
  amount: amountSchema('Amount'),
  period: pick('Period', PLAN_PERIODS),
  mode: pick('Mode', PLAN_MODES),
  months: integerSchema('Months', 1, 120),
  firstMonths: integerSchema('First Months', 1, 120),
  thenRate: rateSchema('Then Rate'),
  capPerDeal: amountSchema('Cap Per Deal'),
  firstDealBonus: amountSchema('First Deal Bonus'),
  'thresholdBonus.over': amountSchema('Threshold Over'),
  'thresholdBonus.amount': amountSchema('Threshold Bonus'),
  holdDays: integerSchema('Hold Days', 0, 3650),
  notes: v.pipe(
    v.string(planMessages.notText('Notes')),
    v.maxLength(1000, planMessages.tooLong('Notes', 1000)),
  ),
  effectiveFrom: v.pipe(
    v.unknown(),
    v.transform((value) => (typeof value === 'string' ? value.trim().slice(0, 10) : value)),
    v.check(
      (value) => typeof value === 'string' && isIsoDay(value),
      (issue) => planMessages.effectiveFrom(issue.input),
    ),
    v.transform((value) => value as string),
  ),
} as const;

const isBlank = (value: unknown) => value === undefined || value === null || value === '';

/** "0:10; 50000:15" -> [{from: '0', rate: 10}, ...]; null when the text is not in that shape. */
export function parseBandsText(text: string): Array<{ from: string; rate: string }> | null {
  const parts = text
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const bands = parts.map((part) => /^([^:]+):([^:]+)$/.exec(part));
  if (bands.length === 0 || bands.some((band) => band === null)) return null;
  return bands.map((band) => ({ from: band![1].trim(), rate: band![2].trim() }));
}

export function formatBandsText(bands: ReadonlyArray<{ from: unknown; rate: unknown }>): string {
  return bands.map((band) => `${String(band.from)}:${String(band.rate)}`).join('; ');
}

export { validatePlanInput, planFromRow, planToRow };

function validatePlanInput(
  input: unknown,
  options: { currencyExponent?: (code: string) => number | undefined } = {},
): PlanValidation {
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const threshold = (typeof raw.thresholdBonus === 'object' && raw.thresholdBonus) as
    Record<string, unknown> | false;
  const values: Record<string, unknown> = {
    ...raw,
    'thresholdBonus.over': threshold ? threshold.over : undefined,
    'thresholdBonus.amount': threshold ? threshold.amount : undefined,
  };
  const issues: Issue[] = [];
  const out: Record<string, unknown> = {};
  for (const [field, schema] of Object.entries(FIELD_SCHEMAS)) {
    if (isBlank(values[field])) {
      if (field === 'name' || field === 'type')
        issues.push({ field, message: planMessages.required(LABELS[field]) });
      continue;
    }
    const result = v.safeParse(schema as v.GenericSchema, values[field]);
    if (result.success) out[field] = result.output;
    else issues.push({ field, message: result.issues[0].message });
  }
  const bands = readBands(raw.bands, issues);
  const plan = issues.length === 0 ? assemble(out, bands, issues) : null;
  if (plan) checkDecimals(plan, options.currencyExponent, issues);
  if (issues.length > 0 || !plan) {
    return { ok: false, errors: issues.map((i) => ({ ...i, label: LABELS[i.field] ?? i.field })) };
  }
  return { ok: true, value: plan };
}

function readBands(value: unknown, issues: Issue[]): PlanBand[] | undefined {
  if (isBlank(value)) return undefined;
  const list = typeof value === 'string' ? parseBandsText(value) : Array.isArray(value) ? value : null;
  if (list === null) {
    issues.push({ field: 'bands', message: planMessages.bandsText(String(value)) });
    return undefined;
  }
  const bands: PlanBand[] = [];
  for (const band of list as Array<{ from?: unknown; rate?: unknown }>) {
    const from = v.safeParse(amountSchema('Band from'), band?.from);
    const rate = v.safeParse(rateSchema('Band rate'), band?.rate);
    if (!from.success || !rate.success) {
      issues.push({ field: 'bands', message: (from.issues ?? rate.issues)![0].message });
      return undefined;
    }
    bands.push({ from: from.output, rate: rate.output });
  }
  const rises = bands.every((band, i) =>
    i === 0 ? band.from === '0' : compareDecimalText(band.from, bands[i - 1].from) > 0,
  );
  if (!rises || bands.length === 0) issues.push({ field: 'bands', message: planMessages.bandsRise });
  return bands;
}

/** Compares canonical decimal texts without converting to floating point. */
function compareDecimalText(a: string, b: string): number {
  const [aw, af = ''] = a.split('.');
  const [bw, bf = ''] = b.split('.');
  if (aw.length !== bw.length) return aw.length - bw.length;
  const width = Math.max(af.length, bf.length);
  const left = aw + af.padEnd(width, '0');
  const right = bw + bf.padEnd(width, '0');
  return left < right ? -1 : left > right ? 1 : 0;
}

function assemble(out: Record<string, unknown>, bands: PlanBand[] | undefined, issues: Issue[]): Plan | null {
  const need = (fields: string[], message: string) => {
    const missing = fields.filter((f) => out[f] === undefined);
    missing.forEach((field) => issues.push({ field, message }));
    return missing.length === 0;
  };
  const common = {
    ...(out.id !== undefined && { id: out.id as string }),
    name: out.name as string,
    period: (out.period ?? 'quarter') as PlanPeriod,
    ...(out.currency !== undefined && { currency: out.currency as string }),
    ...(out.capPerDeal !== undefined && { capPerDeal: out.capPerDeal as string }),
    ...(out.firstDealBonus !== undefined && { firstDealBonus: out.firstDealBonus as string }),
    ...(out.holdDays !== undefined && { holdDays: out.holdDays as number }),
    ...(out.notes !== undefined && out.notes !== '' && { notes: out.notes as string }),
    ...(out.effectiveFrom !== undefined && { effectiveFrom: out.effectiveFrom as string }),
  };
  const over = out['thresholdBonus.over'] as string | undefined;
  const bonus = out['thresholdBonus.amount'] as string | undefined;
  if (over !== undefined || bonus !== undefined) {
    const fields = ['thresholdBonus.over', 'thresholdBonus.amount', 'currency'];
    if (!need(fields, planMessages.thresholdNeeds)) return null;
    Object.assign(common, { thresholdBonus: { over, amount: bonus } });
  }
  switch (out.type as PlanKind) {
    case 'percent':
      return need(['rate'], planMessages.percentNeeds)
        ? { ...common, type: 'percent', rate: out.rate as number }
        : null;
    case 'flat':
      return need(['amount', 'currency'], planMessages.flatNeeds)
        ? { ...common, type: 'flat', amount: out.amount as string, currency: out.currency as string }
        : null;
    case 'tiered':
      if (!need(['currency'], planMessages.tieredNeeds)) return null;
      if (!bands) return (issues.push({ field: 'bands', message: planMessages.tieredNeeds }), null);
      return {
        ...common,
        type: 'tiered',
        currency: out.currency as string,
        mode: (out.mode ?? 'graduated') as PlanMode,
        bands,
      };
    case 'recurring':
      return recurring(common, out, issues, need);
  }
}

function recurring(
  common: Omit<PlanCommon, never>,
  out: Record<string, unknown>,
  issues: Issue[],
  need: (fields: string[], message: string) => boolean,
): Plan | null {
  if (!need(['rate', 'months'], planMessages.recurringNeeds)) return null;
  const months = out.months as number;
  const first = out.firstMonths as number | undefined;
  if ((first === undefined) !== (out.thenRate === undefined)) {
    issues.push({
      field: first === undefined ? 'firstMonths' : 'thenRate',
      message: planMessages.splitNeedsBoth,
    });
    return null;
  }
  if (first !== undefined && first >= months) {
    issues.push({ field: 'firstMonths', message: planMessages.firstMonthsRange(first, months) });
    return null;
  }
  return {
    ...common,
    type: 'recurring',
    rate: out.rate as number,
    months,
    ...(first !== undefined && { firstMonths: first, thenRate: out.thenRate as number }),
  };
}

/** Currency known, and no amount with more decimals than it allows (when the caller can tell). */
function checkDecimals(
  plan: Plan,
  exponentOf: ((code: string) => number | undefined) | undefined,
  issues: Issue[],
) {
  if (!exponentOf || plan.currency === undefined) return;
  const exponent = exponentOf(plan.currency);
  if (exponent === undefined) {
    issues.push({ field: 'currency', message: planMessages.currencyCode(plan.currency) });
    return;
  }
  const amounts: Array<[string, string | undefined]> = [
    ['amount', plan.type === 'flat' ? plan.amount : undefined],
    ['capPerDeal', plan.capPerDeal],
    ['firstDealBonus', plan.firstDealBonus],
    ['thresholdBonus.over', plan.thresholdBonus?.over],
    ['thresholdBonus.amount', plan.thresholdBonus?.amount],
    ...(plan.type === 'tiered' ? plan.bands.map((b): [string, string] => ['bands', b.from]) : []),
  ];
  for (const [field, value] of amounts) {
    if (value !== undefined && (value.split('.')[1] ?? '').length > exponent) {
      issues.push({ field, message: planMessages.decimals(value, plan.currency, exponent) });
    }
  }
}

const ROW_TO_INPUT: Partial<Record<PlanRowKey, string>> = { planId: 'id', planName: 'name' };

/** A Plans sheet row (cell values by camelCase key) -> an unvalidated PlanInput for validatePlanInput. */
function planFromRow(row: Partial<Record<PlanRowKey, unknown>>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const { key } of PLAN_COLUMNS) {
    const value = typeof row[key] === 'string' ? (row[key] as string).trim() : row[key];
    if (isBlank(value) || key === 'thresholdOver' || key === 'thresholdBonus') continue;
    input[ROW_TO_INPUT[key] ?? key] = value;
  }
  if (!isBlank(row.thresholdOver) || !isBlank(row.thresholdBonus)) {
    input.thresholdBonus = { over: row.thresholdOver, amount: row.thresholdBonus };
  }
  return input;
}

/** A plan -> its Plans sheet row ('' for an empty cell); amounts stay decimal text, rates numbers. */
function planToRow(plan: Plan): PlanRow {
  const row = Object.fromEntries(PLAN_COLUMNS.map((c) => [c.key, ''])) as PlanRow;
  const set = (key: PlanRowKey, value: string | number | undefined) => {
    if (value !== undefined) row[key] = value;
  };
  set('planId', plan.id);
  set('planName', plan.name);
  set('type', plan.type);
  set('currency', plan.currency);
  set('period', plan.period);
  set('capPerDeal', plan.capPerDeal);
  set('firstDealBonus', plan.firstDealBonus);
  set('thresholdOver', plan.thresholdBonus?.over);
  set('thresholdBonus', plan.thresholdBonus?.amount);
  set('holdDays', plan.holdDays);
  set('notes', plan.notes);
  set('effectiveFrom', plan.effectiveFrom);
  if (plan.type === 'percent' || plan.type === 'recurring') set('rate', plan.rate);
  if (plan.type === 'flat') set('amount', plan.amount);
  if (plan.type === 'tiered') {
    set('mode', plan.mode);
    set('bands', formatBandsText(plan.bands));
  }
  if (plan.type === 'recurring') {
    set('months', plan.months);
    set('firstMonths', plan.firstMonths);
    set('thenRate', plan.thenRate);
  }
  return row;
}
