/**
 * approveCommissions(ids) and rejectCommissions(ids, reason): all or nothing (one refused id
 * refuses the batch and nothing is written), recording who and when. A Pending line whose hold has
 * ended can be approved; one still in its hold is refused with the day it ends.
 */
import { approveLines, rejectLines } from '../../domain/commissions';
import type { AppContext } from '../context';
import { applyStatusChanges, openLedger, readLedger } from './ledger-table';
import { fail } from '../user-error';

function idsOf(ids: unknown): string[] {
  const list = Array.isArray(ids) ? ids : [ids];
  const clean = list.map((id) => String(id ?? '').trim()).filter((id) => id !== '');
  if (clean.length === 0) fail(['Select at least one commission line']);
  return clean;
}

export function approveCommissions(ctx: AppContext, ids: string[]): { approved: number } {
  const wanted = idsOf(ids);
  const days = ctx.doc.days();
  const table = openLedger(ctx);
  const ledger = readLedger(table, days);
  const decision = approveLines(
    ledger.map((l) => l.line),
    wanted,
    { by: ctx.actor.email, on: days.dayOf(ctx.now) },
  );
  if (!decision.ok) fail(decision.errors);
  applyStatusChanges(table, ledger, decision.changes, days);
  ctx.commit();
  return { approved: decision.changes.length };
}

export function rejectCommissions(ctx: AppContext, ids: string[], reason: string): { rejected: number } {
  const wanted = idsOf(ids);
  const days = ctx.doc.days();
  const table = openLedger(ctx);
  const ledger = readLedger(table, days);
  const by = `${ctx.actor.email} on ${days.dayOf(ctx.now)}`;
  const decision = rejectLines(
    ledger.map((l) => l.line),
    wanted,
    String(reason ?? ''),
    by,
  );
  if (!decision.ok) fail(decision.errors);
  applyStatusChanges(table, ledger, decision.changes, days);
  ctx.commit();
  return { rejected: decision.changes.length };
}
