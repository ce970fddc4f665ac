/**
 * recalculateCommissions({from, preview, plan}): the owner's explicit way to apply a plan's newest
 * version to deals closed before it took effect. The newest version of each plan (or of `plan`)
 * becomes effective from `from` (its Effective From moves back: it applies from that day over the
 * older versions, domain/commissions/resolve-plans.ts), and the ledger is reconciled:
 * open lines are replaced, settled ones corrected by Adjustment or Clawback lines (never edited).
 * With `preview: true` nothing is written: the result lists every line it would add, with the
 * deal's total before and after and the difference. Applying it is the owner's (set-up's rule:
 * what the ledger was computed from changes for every partner); a preview is anyone's on the Team.
 */
import { baseKey, desiredLedger, isVoid, reconcile, type LedgerLine } from '../../domain/commissions';
import { UNKNOWN_USER } from '../../domain/audit/entry';
import { isIsoDay } from '../../domain/dates';
import { toMajor } from '../../domain/money';
import type { RecalculateOptions, RecalculateResult, RecalculatedLine } from '../../shared/api';
import { assertOwner } from '../../sheets/team';
import type { AppContext } from '../context';
import { defaultHoldDays, exchangeTable, readEngineInputs } from '../commissions/inputs';
import { commissionIds, openLedger, readLedger } from '../commissions/ledger-table';
import { stageLedgerSync } from '../commissions/sync-ledger';
import { lockedPayouts } from '../commissions/locked-payouts';
import { fail } from '../user-error';

export const recalculateMessages = {
  from: (value: unknown) => `From '${String(value ?? '')}' must be a day such as 2026-01-01`,
  unknownPlan: (plan: string) => `Plan '${plan}' is not in the Plans sheet`,
  clash: (plan: string, day: string) =>
    `Plan '${plan}' already has a version effective from ${day}: edit that version instead`,
} as const;

const text = (value: unknown) => String(value ?? '').trim();
const major = (minor: number, currency: string) => {
  try {
    return toMajor(minor, currency);
  } catch {
    return 0;
  }
};

const madeOrder = (id: string) => Number(/(\d+)$/.exec(id)?.[1] ?? 0);

interface Move {
  readonly row: number;
  readonly id: string;
  readonly plan: string;
  readonly from: string;
}

export function recalculateCommissions(ctx: AppContext, options: RecalculateOptions): RecalculateResult {
  const from = text(options?.from).slice(0, 10);
  if (!isIsoDay(from)) fail([recalculateMessages.from(options?.from)]);
  const preview = options?.preview === true;
  if (!preview) {
    try {
      assertOwner(ctx.doc, ctx.actor.email === UNKNOWN_USER ? '' : ctx.actor.email);
    } catch (error) {
      fail([error instanceof Error ? error.message : String(error)]);
    }
  }
  const days = ctx.doc.days();
  openLedger(ctx, ['partners', 'leads']);
  const plans = ctx.table('plans');
  const families = new Map<string, Array<{ row: number; id: string; name: string; day: string }>>();
  for (const { row, record } of plans.rows()) {
    const name = text(record.planName);
    if (name === '') continue;
    const list = families.get(name.toLowerCase()) ?? [];
    list.push({ row, id: text(record.planId), name, day: days.cellToDay(record.effectiveFrom) });
    families.set(name.toLowerCase(), list);
  }
  const wanted = text(options?.plan);
  const chosen = [...families.values()].filter(
    (list) =>
      wanted === '' || list.some((v) => v.name.toLowerCase() === wanted.toLowerCase() || v.id === wanted),
  );
  if (wanted !== '' && chosen.length === 0) fail([recalculateMessages.unknownPlan(wanted)]);
  const moves: Move[] = [];
  for (const list of chosen) {
    // the newest version (the highest Plan ID): it applies from its day on, over the older ones
    const latest = list.reduce((a, b) => (madeOrder(b.id) > madeOrder(a.id) ? b : a));
    if (latest.day === '' || latest.day <= from) continue;
    if (list.some((v) => v !== latest && v.day === from))
      fail([recalculateMessages.clash(latest.name, from)]);
    moves.push({ row: latest.row, id: latest.id, plan: latest.name, from: latest.day });
  }

  // What the ledger would become: the same inputs with the moved versions effective from `from`.
  const asOf = days.dayOf(ctx.now);
  const inputs = readEngineInputs(ctx, days);
  const movedIds = new Set(moves.map((m) => m.id));
  const ledger = readLedger(ctx.table('commissions'), days);
  const desired = desiredLedger({
    deals: inputs.deals.map((d) => d.deal),
    partners: inputs.partners,
    plans: inputs.plans.map((p) => (movedIds.has(text(p.id)) ? { ...p, effectiveFrom: from } : p)),
    settings: { defaultHoldDays: defaultHoldDays(inputs.settings) },
    asOf,
    exchange: exchangeTable(inputs.settings),
  });
  const lines = ledger.map((l) => l.line);
  const { create } = reconcile({
    ledger: lines,
    desired: desired.lines,
    asOf,
    nextId: commissionIds(ledger),
    lockedPayout: lockedPayouts(ctx),
  });
  const result: RecalculateResult = {
    preview,
    versions: moves.map((m) => ({ id: m.id, plan: m.plan, from: m.from, to: from })),
    lines: create.map((line) => describe(line, lines, desired.lines)),
  };
  if (preview) return result;
  for (const move of moves) plans.update(move.row, { effectiveFrom: days.dayToCell(from) });
  stageLedgerSync(ctx);
  ctx.commit();
  return result;
}

function describe(
  line: LedgerLine,
  ledger: readonly LedgerLine[],
  desired: ReadonlyArray<{ key: string; currency: string; amountMinor: number }>,
): RecalculatedLine {
  const key = baseKey(line.key);
  const old = ledger
    .filter((l) => baseKey(l.key) === key && l.currency === line.currency && !isVoid(l))
    .reduce((sum, l) => sum + l.amountMinor, 0);
  const target = desired.find((d) => d.key === key && d.currency === line.currency)?.amountMinor ?? 0;
  return {
    leadId: line.leadId,
    partnerId: line.partnerId,
    plan: line.plan,
    kind: line.kind,
    currency: line.currency,
    amount: major(line.amountMinor, line.currency),
    oldAmount: major(old, line.currency),
    newAmount: major(target, line.currency),
    difference: major(target - old, line.currency),
    explanation: line.explanation,
  };
}
