/**
 * The arguments of every server function, checked at the edge with ONE schema per function, shared
 * by the server (src/index.ts calls `edge` first: nothing is read or written when an argument is
 * wrong) and the sidebar's client (sidebar/common/client.ts checks before sending). Each argument:
 * its type; its length (never over the 50,000 characters a Sheets cell holds, tighter for names,
 * notes, reasons and references); ids shaped like ids; strict ISO days in a plausible range; the
 * words allowed for a choice. Objects (forms, filters) are bounded here (plain data, every text in
 * them within a cell) and checked field by field by their form schemas (partner.ts, lead.ts, ...).
 * An error names the argument the way the sidebar labels it.
 */
import * as v from 'valibot';
import type { ServerApi } from '../api';
import { exampleId } from '../ids';
import { RATES_CSV_LABEL } from '../import-fields';
import { isIsoDay } from './isoDay';
import { limits } from './labels';
import { messages } from './messages';

/** The characters one Sheets cell holds. */
export const CELL_TEXT_LIMIT = 50_000;
/** Days a person may give: a tracker's dates fall in this century. */
export const PLAUSIBLE_DAYS = { from: '2000-01-01', to: '2099-12-31' } as const;
/** Payment references (bank, PayPal, Wise) are short. */
export const REFERENCE_LIMIT = 200;
/** Most ids one call may name (approve, reject, export). */
export const MAX_IDS = 10_000;
/** A pasted CSV: many rows, each cell within a cell's limit. */
export const CSV_LIMIT = 10_000_000;

type Schema = v.GenericSchema<unknown, unknown>;
interface Arg {
  label: string;
  schema: Schema;
  optional?: boolean;
}

// eslint-disable-next-line no-control-regex -- control characters are what this check refuses
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function str(label: string, max: number, options: { required?: boolean; control?: boolean } = {}): Schema {
  // v.string first: a value that is not text stops there (the checks after it read a string)
  return v.pipe(
    v.string((issue) =>
      messages.notText(label, typeof issue.input === 'object' ? '(not text)' : issue.input),
    ),
    v.check(
      (x) => x.length <= max,
      (issue) => messages.tooLong(label, max, String(issue.input).length),
    ),
    v.check((x) => !options.required || x.trim() !== '', messages.required(label)),
    v.check((x) => options.control === true || !CONTROL.test(x), messages.controlChars(label)),
  ) as Schema;
}

const ID_SHAPE = /^\s*[A-Za-z]{1,3}-\d{1,9}\s*$/;
function id(label: string): Schema {
  return v.pipe(
    str(label, 40, { required: true }),
    v.check(
      (x) => ID_SHAPE.test(x as string),
      (issue) => messages.notId(label, String(issue.input), exampleId('lead')),
    ),
  ) as Schema;
}

/** A count the sidebar read and sends back: a whole number from 0 to `max`. */
function count(label: string, max: number): Schema {
  return v.pipe(
    v.unknown(),
    v.check(
      (x) => typeof x === 'number' && Number.isFinite(x),
      (issue) => messages.notNumber(label, issue.input),
    ),
    v.check(
      (x) => Number.isInteger(x),
      (issue) => messages.notWhole(label, issue.input),
    ),
    v.check(
      (x) => (x as number) >= 0,
      (issue) => messages.negative(label, issue.input),
    ),
    v.check(
      (x) => (x as number) <= max,
      (issue) => messages.tooLarge(label, issue.input, max.toLocaleString('en-US')),
    ),
  ) as Schema;
}

function ids(label: string): Schema {
  return v.pipe(
    v.unknown(),
    v.check((x) => Array.isArray(x) || typeof x === 'string', messages.notList(label)),
    v.check(
      (x) => !Array.isArray(x) || x.length <= MAX_IDS,
      (issue) => messages.tooMany(label, MAX_IDS, (issue.input as unknown[]).length),
    ),
    v.check(
      (x) => (Array.isArray(x) ? x : [x]).every((i) => typeof i === 'string' && ID_SHAPE.test(i)),
      (issue) => {
        const bad = (Array.isArray(issue.input) ? issue.input : [issue.input]).find(
          (i) => typeof i !== 'string' || !ID_SHAPE.test(i),
        );
        return messages.notId(label, typeof bad === 'string' ? bad : String(bad), exampleId('commission'));
      },
    ),
  ) as Schema;
}

function day(label: string): Schema {
  return v.pipe(
    str(label, 30, { required: true }),
    v.check(
      (x) => isIsoDay((x as string).trim()),
      (issue) => messages.notIsoDay(label, String(issue.input)),
    ),
    v.check(
      (x) => (x as string).trim() >= PLAUSIBLE_DAYS.from && (x as string).trim() <= PLAUSIBLE_DAYS.to,
      (issue) => messages.implausibleDay(label, String(issue.input), PLAUSIBLE_DAYS.from, PLAUSIBLE_DAYS.to),
    ),
  ) as Schema;
}

function oneOf(label: string, allowed: readonly string[]): Schema {
  return v.pipe(
    v.unknown(),
    v.check(
      (x) => typeof x === 'string' && allowed.includes(x),
      (issue) => messages.notOneOf(label, String(issue.input).slice(0, 60), allowed),
    ),
  ) as Schema;
}

/** Plain data (objects, arrays, strings, numbers, booleans, null), each text within a cell, small. */
function plainWithin(value: unknown, depth: number, budget: { keys: number }): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.length <= CELL_TEXT_LIMIT;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'boolean') return true;
  if (depth > 4 || typeof value !== 'object') return false;
  const items = Array.isArray(value) ? value : Object.values(value as Record<string, unknown>);
  budget.keys -= items.length;
  return budget.keys >= 0 && items.every((item) => plainWithin(item, depth + 1, budget));
}

function form(label: string, options: { maxKeys?: number } = {}): Schema {
  return v.pipe(
    v.unknown(),
    v.check((x) => typeof x === 'object' && x !== null && !Array.isArray(x), messages.notObject()),
    v.check(
      (x) => plainWithin(x, 0, { keys: options.maxKeys ?? 200 }),
      `${label}: every value must be text of at most ${CELL_TEXT_LIMIT.toLocaleString('en-US')} characters, a number or a choice`,
    ),
  ) as Schema;
}

/** A list of plain rows (exchange rates): each row checked field by field by its own schema. */
function rateList(label: string): Schema {
  return v.pipe(
    v.unknown(),
    v.check((x) => Array.isArray(x), messages.notList(label)),
    v.check(
      (x) => plainWithin(x, 0, { keys: 50_000 }),
      `${label}: every value must be text of at most ${CELL_TEXT_LIMIT.toLocaleString('en-US')} characters or a number`,
    ),
  ) as Schema;
}

const optional = (arg: Arg): Arg => ({ ...arg, optional: true });

/** Each server function's arguments, in order. */
export const SERVER_ARGS: { readonly [K in keyof ServerApi]: readonly Arg[] } = {
  getFormOptions: [],
  savePartner: [{ label: 'Partner', schema: form('Partner') }],
  listPartners: [optional({ label: 'Filter', schema: form('Filter') })],
  getLead: [{ label: 'Lead ID', schema: id('Lead ID') }],
  listLeads: [optional({ label: 'Filter', schema: form('Filter') })],
  pageLeads: [optional({ label: 'Query', schema: form('Query') })],
  pagePartners: [optional({ label: 'Query', schema: form('Query') })],
  pageCommissions: [optional({ label: 'Query', schema: form('Query') })],
  registerLead: [{ label: 'Lead', schema: form('Lead') }],
  sendOwedMail: [{ label: 'Lead ID', schema: id('Lead ID') }],
  reviewLead: [
    { label: 'Lead ID', schema: id('Lead ID') },
    { label: 'Decision', schema: oneOf('Decision', ['approve', 'reject']) },
    optional({ label: 'Decision Note', schema: str('Decision Note', limits.note) }),
  ],
  closeLead: [
    { label: 'Lead ID', schema: id('Lead ID') },
    { label: 'Outcome', schema: oneOf('Outcome', ['won', 'lost']) },
    optional({ label: 'Close details', schema: form('Close details') }),
  ],
  extendLead: [{ label: 'Lead ID', schema: id('Lead ID') }],
  previewImport: [
    { label: 'Import', schema: oneOf('Import', ['partners', 'leads']) },
    { label: 'CSV', schema: str('CSV', CSV_LIMIT, { control: true }) },
    optional({ label: 'Column mapping', schema: form('Column mapping') }),
  ],
  runImport: [
    { label: 'Import', schema: oneOf('Import', ['partners', 'leads']) },
    { label: 'CSV', schema: str('CSV', CSV_LIMIT, { control: true }) },
    optional({ label: 'Column mapping', schema: form('Column mapping') }),
  ],
  savePlan: [
    { label: 'Plan', schema: form('Plan') },
    optional({ label: 'Plan options', schema: form('Plan options') }),
  ],
  recalculateCommissions: [{ label: 'Recalculation', schema: form('Recalculation') }],
  listNotComputed: [],
  saveExchangeRates: [{ label: 'Exchange rates', schema: rateList('Exchange rates') }],
  importExchangeRates: [
    { label: RATES_CSV_LABEL, schema: str(RATES_CSV_LABEL, CSV_LIMIT, { control: true }) },
  ],
  listExchangeRates: [],
  listPlans: [],
  runCommissions: [],
  listCommissions: [optional({ label: 'Filter', schema: form('Filter') })],
  approveCommissions: [{ label: 'Commission IDs', schema: ids('Commission IDs') }],
  rejectCommissions: [
    { label: 'Commission IDs', schema: ids('Commission IDs') },
    optional({ label: 'Reason', schema: str('Reason', limits.note) }),
  ],
  createPayouts: [{ label: 'Through Date', schema: day('Through Date') }],
  listPayouts: [],
  approvePayout: [{ label: 'Payout ID', schema: id('Payout ID') }],
  markPayoutPaid: [
    { label: 'Payout ID', schema: id('Payout ID') },
    { label: 'Reference', schema: str('Reference', REFERENCE_LIMIT, { required: true }) },
    { label: 'Paid On', schema: day('Paid On') },
  ],
  exportPayouts: [
    { label: 'Payout IDs', schema: ids('Payout IDs') },
    { label: 'Format', schema: oneOf('Format', ['csv', 'paypal', 'wise', 'xero', 'quickbooks']) },
  ],
  verifyAuditLog: [],
  getRowHistory: [],
  continueSetup: [],
  getWarehouse: [],
  // null turns the warehouse off; its fields are checked by the warehouse's own settings check
  saveWarehouse: [optional({ label: 'Warehouse', schema: form('Warehouse') })],
  verifyWarehouseChain: [],
  getWarehouseFigures: [],
  connectWarehouseSheets: [],
  saveWebhook: [{ label: 'Webhook', schema: form('Webhook') }],
  listWebhooks: [],
  deleteWebhook: [{ label: 'Webhook ID', schema: str('Webhook ID', 40, { required: true }) }],
  testWebhook: [{ label: 'Webhook ID', schema: str('Webhook ID', 40, { required: true }) }],
  connectSlack: [{ label: 'Slack', schema: form('Slack') }],
  disconnectSlack: [],
  getSlack: [],
  connectHubSpot: [{ label: 'HubSpot', schema: form('HubSpot') }],
  disconnectHubSpot: [],
  getHubSpot: [],
  getPartnerLinks: [{ label: 'Partner ID', schema: id('Partner ID') }],
  getPartnerMailStatus: [],
  dismissMailNotKept: [{ label: 'Updates not kept', schema: count('Updates not kept', 1_000_000_000) }],
  rotatePartnerLink: [{ label: 'Partner ID', schema: id('Partner ID') }],
  refreshPartnerView: [{ label: 'Partner ID', schema: id('Partner ID') }],
  refreshPartnerViews: [],
  sendStatements: [],
  refreshDashboard: [],
  // the period and the partner id get their own specific errors (app/dashboard): bounded here
  getDashboard: [optional({ label: 'Dashboard options', schema: form('Dashboard options') })],
  getPartnerScorecard: [
    { label: 'Partner ID', schema: str('Partner ID', 40, { required: true }) },
    optional({ label: 'Dashboard options', schema: form('Dashboard options') }),
  ],
  showPartnerScorecard: [optional({ label: 'Partner ID', schema: str('Partner ID', 40) })],
};

/** The problems with a call's arguments (one message each, naming the argument); [] when fine. */
export function serverArgProblems(name: keyof ServerApi, args: readonly unknown[]): string[] {
  const spec = SERVER_ARGS[name];
  if (!spec) return [];
  const problems: string[] = [];
  spec.forEach((arg, i) => {
    const value = args[i];
    if (value === undefined || value === null) {
      if (!arg.optional) problems.push(messages.required(arg.label));
      return;
    }
    const parsed = v.safeParse(arg.schema, value);
    if (!parsed.success) problems.push(parsed.issues[0].message);
  });
  return problems;
}
