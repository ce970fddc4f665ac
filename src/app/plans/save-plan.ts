/**
 * savePlan(plan, {effectiveFrom}): validates a PlanInput (field label, value, what is wrong; nothing
 * written on error), then writes a VERSION of the plan effective from that day (today by default)
 * in one audited write:
 * - a new plan (no id, a new name): a Plans row with the next PL-001 id;
 * - a plan that has a version of that same day (the plan of `id`, or of its name): that row is
 *   changed (a same-day correction);
 * - otherwise a new row of the same Plan Name with its own id and that Effective From: deals closed
 *   on or after the day use it; lines already earned are never recomputed by it
 *   (recalculateCommissions is the owner's explicit way to apply it to earlier deals).
 * A plan name belongs to one plan: a new plan may not take another plan's name.
 */
import { isIsoDay } from '../../domain/dates';
import { currencyExponent } from '../../domain/money';
import type { PlanInput, SavePlanOptions } from '../../shared/api';
import { planToRow, validatePlanInput } from '../../shared/schema/plan';
import type { AppContext } from '../context';
import { fail } from '../user-error';

export const planAppMessages = {
  unknownPlan: (id: string) => `Plan ID '${id}' is not in the Plans sheet`,
  duplicateName: (name: string, id: string) => `Plan Name '${name}' is already used by ${id}`,
  effectiveFrom: (value: unknown) =>
    `Effective From '${String(value ?? '')}' must be a day such as 2026-03-01`,
} as const;

const text = (value: unknown) => String(value ?? '').trim();

export function savePlan(
  ctx: AppContext,
  plan: PlanInput,
  options: SavePlanOptions = {},
): { id: string; effectiveFrom: string } {
  const days = ctx.doc.days();
  const asked = options?.effectiveFrom ?? plan?.effectiveFrom;
  const effectiveFrom =
    asked === undefined || text(asked) === '' ? days.dayOf(ctx.now) : text(asked).slice(0, 10);
  if (!isIsoDay(effectiveFrom)) fail([planAppMessages.effectiveFrom(asked)]);
  const checked = validatePlanInput({ ...plan, effectiveFrom }, { currencyExponent });
  if (!checked.ok) fail(checked.errors.map((e) => e.message));
  const value = checked.value;
  const table = ctx.table('plans');
  const rows = table.rows();
  const byId = value.id ? rows.find((r) => text(r.record.planId) === value.id) : undefined;
  if (value.id && !byId) fail([planAppMessages.unknownPlan(value.id)]);
  // the plan's family: every row of its (old) name
  const family = text(byId?.record.planName ?? value.name).toLowerCase();
  const sameName = rows.find(
    (r) =>
      text(r.record.planName).toLowerCase() === value.name.toLowerCase() &&
      text(r.record.planName).toLowerCase() !== family,
  );
  if (sameName) fail([planAppMessages.duplicateName(value.name, text(sameName.record.planId))]);
  const versions = rows.filter((r) => text(r.record.planName).toLowerCase() === family);
  if (!value.id && versions.length)
    fail([planAppMessages.duplicateName(value.name, text(versions[0].record.planId))]);
  const sameDay = versions.find((r) => days.cellToDay(r.record.effectiveFrom) === effectiveFrom);
  const id = sameDay ? text(sameDay.record.planId) : value.id && !versions.length ? value.id : table.nextId();
  const row = { ...planToRow({ ...value, id }), effectiveFrom: days.dayToCell(effectiveFrom) };
  if (sameDay) table.update(sameDay.row, row);
  else table.append(row);
  ctx.commit();
  return { id, effectiveFrom };
}
