/**
 * The commission job of the daily run. Use cases reconcile what they change (closeLead and a
 * person's edit of a deal: their partners); what else changes the ledger marks it dirty (see
 * ledger-state.ts). So the daily job runs the full reconcile only when the ledger is dirty, a Won
 * deal's future close day has come, or the last full one is a week old; on other days it does only
 * what the passing of time does, from the ledger alone (its rows picked by their raw shadow text,
 * only those parsed):
 * - a Pending line whose hold ended becomes Eligible (not an Adjustment awaiting approval);
 * - a recurring deal whose next month came earns it: its month lines are reconciled against the
 *   months its plan gives as of today (the deal as its first month's line records it).
 * A deal whose recurring lines carry corrections (adjustments, clawbacks, a rejection), or whose
 * partner or plan cannot be found as recurring, makes it a full reconcile instead.
 */
import { shadowField } from '../../domain/audit/shadow-field';
import {
  awaitsApproval,
  baseKey,
  isVoid,
  keys,
  reconcile,
  recurringDesired,
  versionOn,
  resolvePlans,
  type LedgerLine,
  type StatusChange,
} from '../../domain/commissions';
import { addDays, addMonths, daysBetween, isIsoDay } from '../../domain/dates';
import type { AppContext } from '../context';
import { defaultHoldDays, partnerPlans, readPlanRows } from './inputs';
import { FULL_RECONCILE_DAYS, readLedgerState } from './ledger-state';
import { appendLines, applyStatusChanges, formatMoneyColumns, readLedger } from './ledger-table';
import { runCommissions } from './run-commissions';
import { refreshLedgerIndex, restageLedgerIndex } from './ledger-index-upkeep';
import { readLedgerIndex, type LedgerEntry } from '../../sheets/ledger-index';
import { ledgerRowValues } from '../../sheets/ledger-tables';
import { sheetOutgrew } from '../../sheets/shadow-tables';
import type { SyncResult } from './sync-ledger';
import type { DailyJob, JobContinuation, JobStep } from '../triggers/daily-job';
import { reconcileSlice } from './reconcile-slices';
import { idNumber, idsFrom } from '../../domain/ids';
import { COMMISSION_STATUS, LEAD_STATUS } from '../../shared/statuses';

const RECURRING = /^(.+)\/recurring\/(\d+)$/;

interface RecurringDeal {
  partnerId: string;
  months: Set<number>;
  /** Sheet rows of the deal's recurring lines, corrections included. */
  rows: number[];
  firstEarned: string;
  corrected: boolean;
}

export function runDailyLedger(
  ctx: AppContext,
  cursor: string | null = null,
  step?: JobStep,
): SyncResult | JobContinuation {
  const doc = ctx.doc;
  // A quick day continued (its lines' eligibility was committed first: see below) is a quick day.
  const sliceCursor = cursor === QUICK_REST ? null : cursor;
  // The full reconcile in the hourly run: one slice of the partners per execution (reconcile-slices.ts).
  const full = (): SyncResult | JobContinuation => {
    const slice = doc.prefersFewCalls() ? reconcileSlice(ctx, sliceCursor, step) : null;
    if (!slice) return runCommissions(ctx);
    return slice.continueFrom === undefined ? slice.result : { continueFrom: slice.continueFrom };
  };
  if (sliceCursor !== null) return full();
  const days = doc.days();
  const asOf = days.dayOf(ctx.now);
  const state = readLedgerState(doc);
  const fullDue =
    state.dirty ||
    state.fullOn === null ||
    daysBetween(state.fullOn, asOf) >= FULL_RECONCILE_DAYS ||
    (state.nextClose !== null && state.nextClose <= asOf);
  if (ctx.isOpen('commissions')) return runCommissions(ctx);
  if (fullDue) return full();

  // The partners' plans (small tables, from their shadow, in the job's own context: the run's other
  // jobs open Partners guarded). Neither is guarded here (the daily run's call budget): a plan the
  // shadow does not know leaves its deals for the weekly full reconcile, and a recurring deal whose
  // partner is not found makes the full reconcile when the sheet has rows the shadow does not know
  // (another tool's append: one getLastRow, only then). Both columns in one read (the columns
  // between are read down to the taller of the two small sheets only: a few thousand cells).
  const own = ctx.detached();
  own.read(['partners', 'plans'], { guarded: [], oneRead: true });
  const partners = partnerPlans(own);
  const known = new Set(partners.map((p) => p.id));
  const planOf = resolvePlans(partners, readPlanRows(own));
  const defaultHold = defaultHoldDays(ctx.settings());
  let outgrew: boolean | null = null;
  const partnersOutgrew = () =>
    (outgrew ??= own.isOpen('partners') && sheetOutgrew(own.doc, own.table('partners')));

  // The rows to read: from the ledger index when it serves (its entries carry what the picking
  // needs), else from the whole Commissions shadow column (the index is then built again from it).
  const pick = (lines: Iterable<PickLine>) =>
    pickRows(lines, asOf, (deal) => {
      if (!known.has(deal.partnerId) && nextMonthSoon(deal, asOf) && partnersOutgrew()) return 'full';
      const resolution = planOf(deal.partnerId);
      const plan = 'plan' in resolution ? versionOn(resolution.versions, deal.firstEarned) : null;
      // Lines under a plan that no longer accrues (or none): nothing comes with time.
      if (!deal.firstEarned || !plan || plan.type !== 'recurring') return 'skip';
      if (deal.months.size >= plan.months) return 'skip';
      // A first month with no readable day: let the full reconcile judge.
      if (!isIsoDay(deal.firstEarned)) return 'full';
      // The next month's day, give or take the time zone (the exact day is the reconcile's).
      if (addMonths(deal.firstEarned, deal.months.size) > addDays(asOf, 2)) return 'skip';
      return deal.corrected ? 'full' : 'due';
    });
  let picked: Picked | null = null;
  let column: readonly string[] | null = null;
  const index = readLedgerIndex(own.doc);
  if (index) {
    picked = pick(index.entries.map(entryPickLine));
    if (picked.full) return full();
    const rows = index.entries.filter((e) => picked!.rows.has(e[0]));
    const last = index.entries.find((e) => e[0] === index.last);
    const values = ledgerRowValues(
      own.doc,
      last && !picked.rows.has(last[0]) ? [...rows, last] : rows,
      index.last,
      index.last >= 2 ? [index.last] : [],
      QUICK_ROW_READS,
    );
    if (values) {
      own.tableFrom('commissions', () => values, true);
      picked.maxId = Math.max(picked.maxId, index.maxId);
    } else picked = null;
  }
  const table = picked
    ? own.table('commissions')
    : own.readSome('commissions', (cells) => {
        column = cells;
        picked = pick(cellPickLines(cells));
        return (i) => picked!.rows.has(i + 2);
      });
  if (!table || !picked) return full();
  const { due, maxId } = picked as Picked;
  if ((picked as Picked).full) return full();

  const ledger = readLedger(table, days);
  const dueLines = ledger.filter(({ line }) => {
    const recurring = RECURRING.exec(baseKey(line.key));
    return recurring !== null && due.has(recurring[1]);
  });
  const desired = [...due.keys()].flatMap((lead) => {
    const first = dueLines.find(({ line }) => line.key === keys.recurring(lead, 1) && !isVoid(line))!.line;
    const { versions } = planOf(first.partnerId) as {
      versions: ReadonlyArray<Parameters<typeof recurringDesired>[0]>;
    };
    const plan = versionOn(versions, first.earnedOn);
    return recurringDesired(
      plan,
      {
        leadId: lead,
        partnerId: first.partnerId,
        currency: first.currency,
        dealValueMinor: first.basisMinor ?? 0,
        closedOn: first.earnedOn,
        status: LEAD_STATUS.Won,
      },
      asOf,
      defaultHold,
    );
  });
  const result = reconcile({
    ledger: dueLines.map((l) => l.line),
    desired,
    asOf,
    nextId: idsFrom('commission', maxId + 1),
  });
  const handled = new Set(dueLines.map((l) => l.line.id));
  const eligible: StatusChange[] = ledger
    .filter(
      ({ line }) =>
        !handled.has(line.id) &&
        line.status === COMMISSION_STATUS.Pending &&
        !awaitsApproval(line) &&
        eligibleBy(line, asOf),
    )
    .map(({ line }) => ({ id: line.id, from: COMMISSION_STATUS.Pending, to: COMMISSION_STATUS.Eligible }));
  // The hourly run (its calls per execution): the lines whose hold ended are committed on their own
  // when the recurring months also change the ledger (a block of status cells, and new rows at the
  // end with their formats: two blocks, two shadow blocks); the next execution computes the day
  // again and finds only the months left. Each commit is whole; a month's lines come an hour later.
  // Read whole (the index did not serve: missing, stale, an old version, or not adding up): built again.
  const stageIndex = () => {
    if (column) refreshLedgerIndex(own.doc, column, table, true);
    else if (index) restageLedgerIndex(own.doc, index, table);
  };
  const months = result.create.length > 0 || result.statusChanges.length > 0;
  if (doc.prefersFewCalls() && cursor !== QUICK_REST && months && eligible.length) {
    applyStatusChanges(table, ledger, eligible, days);
    stageIndex();
    step?.continueCommit?.(QUICK_REST);
    own.commit();
    return { continueFrom: QUICK_REST };
  }
  const changes = [...result.statusChanges, ...eligible];
  applyStatusChanges(table, ledger, changes, days);
  const appended = appendLines(table, result.create, days);
  formatMoneyColumns(
    own,
    table,
    appended,
    result.create.map((l) => l.currency),
    ['basis', 'amount'],
  );
  stageIndex();
  step?.lastCommit?.();
  own.commit();
  return {
    created: result.summary.created,
    voided: result.summary.voided,
    eligible: result.summary.eligible + eligible.length,
    flagged: [],
    notComputed: [],
  };
}

/** What the picking reads of a ledger line (its index entry, or its shadow cell's fields). */
interface PickLine {
  row: number;
  id: string;
  status: string;
  eligibleOn: string;
  key: string;
  partnerId: string;
  earnedOn: string;
}

interface Picked {
  rows: Set<number>;
  due: Map<string, RecurringDeal>;
  maxId: number;
  /** Something only the full reconcile judges. */
  full: boolean;
}

/** The cursor of a quick day whose lines' eligibility was committed, its recurring months not yet. */
const QUICK_REST = 'quick: months';

/** The rows a quick day reads, at most this many getValues (the daily run's call budget). */
const QUICK_ROW_READS = 1;

const entryPickLine = (e: LedgerEntry): PickLine => ({
  row: e[0],
  id: e[1],
  partnerId: e[2],
  status: e[4],
  key: e[6],
  eligibleOn: e[7],
  earnedOn: e[8],
});

/** The lines of the Commissions shadow column (row 2 first), their fields read as they are asked. */
function* cellPickLines(cells: readonly string[]): Iterable<PickLine> {
  for (let i = 0; i < cells.length; i++) {
    const raw = cells[i];
    if (raw === '') continue;
    yield {
      row: i + 2,
      id: shadowField(raw, 'commissionId'),
      status: shadowField(raw, 'status'),
      get eligibleOn() {
        return shadowField(raw, 'eligibleOn').slice(0, 10);
      },
      key: shadowField(raw, 'key'),
      get partnerId() {
        return shadowField(raw, 'partnerId');
      },
      get earnedOn() {
        return shadowField(raw, 'earnedOn').slice(0, 10);
      },
    };
  }
}

/**
 * The rows a quick day reads: Pending lines whose hold ends by tomorrow, and every line of a
 * recurring deal `judge` finds due ('full': only the full reconcile may judge the ledger).
 */
function pickRows(
  lines: Iterable<PickLine>,
  asOf: string,
  judge: (deal: RecurringDeal) => 'due' | 'skip' | 'full',
): Picked {
  const rows = new Set<number>();
  const deals = new Map<string, RecurringDeal>();
  const soonest = addDays(asOf, 1);
  let maxId = 0;
  for (const line of lines) {
    const id = idNumber('commission', line.id);
    if (id !== null) maxId = Math.max(maxId, id);
    const status = line.status;
    if (status === COMMISSION_STATUS.Pending && line.eligibleOn <= soonest) rows.add(line.row);
    const key = line.key;
    const base = baseKey(key);
    const recurring = RECURRING.exec(base);
    if (!recurring) continue;
    const lead = recurring[1];
    let deal = deals.get(lead);
    if (!deal) {
      deal = { partnerId: line.partnerId, months: new Set(), rows: [], firstEarned: '', corrected: false };
      deals.set(lead, deal);
    }
    deal.rows.push(line.row);
    if (base !== key) deal.corrected = true;
    if (status === COMMISSION_STATUS.Void) continue;
    const month = Number(recurring[2]);
    deal.months.add(month);
    if (month === 1) deal.firstEarned = line.earnedOn;
  }
  const due = new Map<string, RecurringDeal>();
  for (const [lead, deal] of deals) {
    const verdict = judge(deal);
    if (verdict === 'full') return { rows, due, maxId, full: true };
    if (verdict !== 'due') continue;
    due.set(lead, deal);
    for (const row of deal.rows) rows.add(row);
  }
  return { rows, due, maxId, full: false };
}

/** Whether a recurring deal's next month may come by the day after tomorrow (whatever its plan). */
function nextMonthSoon(deal: RecurringDeal, asOf: string): boolean {
  return !isIsoDay(deal.firstEarned) || addMonths(deal.firstEarned, deal.months.size) <= addDays(asOf, 2);
}

function eligibleBy(line: LedgerLine, asOf: string): boolean {
  return line.eligibleOn !== '' && line.eligibleOn <= asOf;
}

export const COMMISSIONS_DAILY_JOB: DailyJob = {
  name: 'commissions',
  heavy: true,
  run: (ctx, step) => runDailyLedger(ctx, step?.cursor ?? null, step),
};
