/**
 * savePlan(plan): validates a PlanInput (field label, value, what is wrong; nothing written on
 * error), then creates a Plans row with the next PL-001 id or updates the row of plan.id, in one
 * audited write. A plan name must be unique: partners are assigned by name.
 */
import { currencyExponent } from '../../domain/money';
import type { PlanInput } from '../../shared/api';
import { planToRow, validatePlanInput } from '../../shared/schema/plan';
import type { AppContext } from '../context';
import { fail } from '../user-error';

export const planAppMessages = {
  unknownPlan: (id: string) => `Plan ID '${id}' is not in the Plans sheet`,
  duplicateName: (name: string, id: string) => `Plan Name '${name}' is already used by ${id}`,
} as const;

export function savePlan(ctx: AppContext, plan: PlanInput): { id: string } {
  const checked = validatePlanInput(plan, { currencyExponent });
  if (!checked.ok) fail(checked.errors.map((e) => e.message));
  const value = checked.value;
  const table = ctx.table('plans');
  const rows = table.rows();
  const existing = value.id ? rows.find((r) => String(r.record.planId).trim() === value.id) : undefined;
  if (value.id && !existing) fail([planAppMessages.unknownPlan(value.id)]);
  const sameName = rows.find(
    (r) =>
      String(r.record.planName).trim().toLowerCase() === value.name.toLowerCase() && r.row !== existing?.row,
  );
  if (sameName) fail([planAppMessages.duplicateName(value.name, String(sameName.record.planId))]);
  const id = value.id ?? table.nextId();
  const row = planToRow({ ...value, id });
  if (existing) table.update(existing.row, row);
  else table.append(row);
  ctx.commit();
  return { id };
}
