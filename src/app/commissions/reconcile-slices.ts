/**
 * The full reconcile split across the hourly run's executions (the daily run's budget per execution:
 * 15 service calls of its own, 2 s of script CPU): each execution reconciles one slice of the
 * partners (a LedgerScope pass, stagePass) and returns a cursor (the daily job step API,
 * triggers/daily-job.ts `continueFrom`); the next hourly run continues after it.
 *
 * - A slice is read through the indexes: Leads with only the slice's deals (the lead index, with the
 *   Partners and Plans shadows in the same read), the ledger with only its lines (the ledger index).
 * - Partners are taken in id order. A partner comes with every partner its lines are tied to (a
 *   lead's deal and lines under another partner, lines sharing a key: `components`), so each line is
 *   judged in the slice that holds every deal and line its key depends on: the slices together do
 *   exactly what the one pass does. A slice ends once it holds SLICE_WEIGHT deals and lines.
 * - The cursor holds the last partner taken (later slices take the partners after it; a partner
 *   taken twice, tied to two slices, is reconciled twice: the second pass finds nothing to do) and
 *   the earliest close day to come seen so far.
 * - A slice whose pass would make lines Eligible AND void or create others commits the eligibility
 *   alone (one block of status cells) and is taken again by the next execution, not split again
 *   (cursor `e`): its new rows, their formats and its voids then (sync-ledger.ts `eligibilityFirst`).
 * - The ledger state (ledger-state.ts): the first slice clears `dirty`; the last records the full
 *   reconcile unless something marked the ledger dirty meanwhile (then the next day's job does it
 *   all again).
 * - Null when the indexes cannot serve (missing, stale, not adding up): the caller runs the one pass,
 *   which builds the ledger index again.
 */
import { baseKey } from '../../domain/commissions';
import { readLedgerIndex, readLedgerIndexState, type LedgerIndex } from '../../sheets/ledger-index';
import { openLeadsByIndex } from '../../sheets/lead-tables';
import type { ActiveRegistrations } from '../../sheets/lead-index';
import type { AppContext } from '../context';
import { clearLedgerDirty, readLedgerState, recordReconcile } from './ledger-state';
import { stagePass, type SyncResult } from './sync-ledger';
import type { JobStep } from '../triggers/daily-job';

/** Deals and ledger lines per slice (each costs the slice's pass a few milliseconds per thousand). */
export const SLICE_WEIGHT = 12_000;
/**
 * Document property: the deals and lines per slice when it is set (a positive whole number; the
 * operator's tuning for a slow account, and the tests' way to see many slices on a small program).
 */
export const SLICE_WEIGHT_PROPERTY = 'tracker.reconcileSliceWeight';

function sliceWeight(doc: AppContext['doc']): number {
  const set = Number(doc.property(SLICE_WEIGHT_PROPERTY));
  return Number.isInteger(set) && set > 0 ? set : SLICE_WEIGHT;
}

/** The slice's ledger rows in at most this many getValues (the daily run's call budget). */
const SLICE_ROW_READS = 1;

interface Cursor {
  /** The last partner id taken (''. none yet). */
  after: string;
  /** The earliest close day to come of the slices done. */
  next: string | null;
  /** 1: the next slice's eligibility is committed already (its pass is not split again). */
  e?: 1;
}

function parseCursor(text: string | null): Cursor | null {
  if (text === null) return { after: '', next: null };
  try {
    const parsed = JSON.parse(text) as Partial<Cursor>;
    if (typeof parsed.after !== 'string') return null;
    const cursor: Cursor = {
      after: parsed.after,
      next: typeof parsed.next === 'string' ? parsed.next : null,
    };
    if (parsed.e === 1) cursor.e = 1;
    return cursor;
  } catch {
    return null;
  }
}

export interface Slice {
  partners: Set<string>;
  /** The last partner id taken in order. */
  last: string;
  /** No partner after `last`: this slice ends the reconcile. */
  done: boolean;
}

/**
 * The groups of partners whose lines and deals are tied (see above), from every deal's lead and
 * partner and every ledger line's partner, lead and key; each partner's group and its weight.
 */
export function components(
  deals: ReadonlyArray<{ leadId: string; partnerId: string }>,
  lines: ReadonlyArray<{ partnerId: string; leadId: string; key: string }>,
): { groupOf: Map<string, string[]>; weightOf: Map<string, number> } {
  // Nodes are numbers (a partner, a key, a lead: one map of names each, no "p:"/"k:"/"l:" strings
  // made per tie); `parent` holds each node's parent, a root its own number.
  const names = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];
  let parent = new Int32Array(1024);
  let count = 0;
  const node = (kind: 0 | 1 | 2, name: string): number => {
    const known = names[kind].get(name);
    if (known !== undefined) return known;
    if (count === parent.length) {
      const grown = new Int32Array(parent.length * 2);
      grown.set(parent);
      parent = grown;
    }
    parent[count] = count;
    names[kind].set(name, count);
    return count++;
  };
  // The root of x's set; every node on the way is pointed at it (path compression).
  const find = (x: number): number => {
    let root = x;
    while (parent[root] !== root) root = parent[root];
    while (parent[x] !== root) {
      const up = parent[x];
      parent[x] = root;
      x = up;
    }
    return root;
  };
  // The second's root goes under the first's (the partner's, which so stays a root: short paths).
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[rb] = ra;
  };
  const weight = new Map<string, number>();
  const add = (partnerId: string): number => {
    weight.set(partnerId, (weight.get(partnerId) ?? 0) + 1);
    const p = node(0, partnerId);
    // A partner's own keys (its threshold lines) start with its id.
    union(p, node(1, partnerId));
    return p;
  };
  for (const deal of deals) {
    const p = add(deal.partnerId);
    union(p, node(1, deal.leadId));
    union(p, node(2, deal.leadId));
  }
  for (const line of lines) {
    const p = add(line.partnerId);
    union(p, node(1, baseKey(line.key).split('/')[0]));
    union(p, node(2, line.leadId));
  }
  const groups = new Map<number, string[]>();
  // (partners in the order first met, as the groups list them)
  for (const [p, id] of names[0]) {
    const root = find(id);
    const group = groups.get(root);
    if (group) group.push(p);
    else groups.set(root, [p]);
  }
  const groupOf = new Map<string, string[]>();
  const weightOf = new Map<string, number>();
  for (const group of groups.values()) {
    const total = group.reduce((n, p) => n + (weight.get(p) ?? 0), 0);
    for (const p of group) {
      groupOf.set(p, group);
      weightOf.set(p, total);
    }
  }
  return { groupOf, weightOf };
}

/** The next slice: the partners after `after` in id order, each with its group, up to `weight`. */
export function nextSlice(
  groups: ReturnType<typeof components>,
  after: string,
  weight: number = SLICE_WEIGHT,
): Slice {
  const order = [...groups.groupOf.keys()].sort();
  const partners = new Set<string>();
  let last = after;
  let taken = 0;
  let at = order.findIndex((p) => p > after);
  if (at < 0) at = order.length;
  for (; at < order.length && (taken === 0 || taken < weight); at++) {
    const p = order[at];
    last = p;
    if (partners.has(p)) continue;
    for (const q of groups.groupOf.get(p) ?? [p]) partners.add(q);
    taken += groups.weightOf.get(p) ?? 0;
  }
  return { partners, last, done: at >= order.length };
}

function sliceFrom(active: ActiveRegistrations, index: LedgerIndex, after: string, weight: number): Slice {
  const deals = active
    .dealsWhere(2, () => true)
    .map((d) => ({ leadId: String(d[1]).trim(), partnerId: String(d[2]).trim() }));
  const lines = index.entries.map((e) => ({ partnerId: e[2], leadId: e[3], key: e[6] }));
  return nextSlice(components(deals, lines), after, weight);
}

/**
 * One slice of the full reconcile in this execution (committed), and the cursor to continue from
 * (none: the reconcile is done); null when it cannot be sliced (nothing read or staged: the caller
 * runs the one pass).
 */
export function reconcileSlice(
  shared: AppContext,
  cursorText: string | null,
  /** Told before the slice's commit: the last's (`lastCommit`), or one followed by a cursor. */
  step?: Pick<JobStep, 'lastCommit' | 'continueCommit'>,
): { result: SyncResult; continueFrom?: string } | null {
  const cursor = parseCursor(cursorText);
  if (!cursor) return null;
  // Its own tables (Leads and Commissions with only some rows read: no other job may take them whole).
  const ctx = shared.detached();
  // The ledger index's chunks are read with the lead index's (one call), the ledger index from them.
  const ledger = readLedgerIndexState(ctx.doc);
  if (!ledger || ledger.stale) return null;
  let index: LedgerIndex | null = null;
  let slice: Slice | null = null;
  const opened = openLeadsByIndex(ctx, ['partners', 'plans'], {
    ledgerChunks: ledger.chunks,
    dealsOf: (active) => {
      index = readLedgerIndex(ctx.doc);
      return index
        ? (slice = sliceFrom(active, index, cursor.after, sliceWeight(ctx.doc))).partners
        : new Set();
    },
  });
  if (!opened || !index || !slice) return null;
  const { partners, last, done } = slice as Slice;
  const days = ctx.doc.days();
  const asOf = days.dayOf(ctx.now);
  if (cursorText === null) clearLedgerDirty(ctx.doc);
  const { result, nextClose, partial } = stagePass(
    ctx,
    { partners, leads: new Set() },
    { index, most: SLICE_ROW_READS },
    cursor.e !== 1,
  );
  const next = earliest(cursor.next, nextClose);
  if (partial) {
    // Only the slice's eligibility: the same slice again in the next execution, not split again.
    const again = JSON.stringify({ after: cursor.after, next: cursor.next, e: 1 });
    step?.continueCommit?.(again);
    ctx.commit();
    return { result, continueFrom: again };
  }
  const continueFrom = JSON.stringify({ after: last, next });
  if (done) {
    recordReconcile(ctx.doc, { full: !readLedgerState(ctx.doc).dirty, asOf, nextClose: next });
    step?.lastCommit?.();
  } else step?.continueCommit?.(continueFrom);
  ctx.commit();
  return done ? { result } : { result, continueFrom };
}

const earliest = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);
