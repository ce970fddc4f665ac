/**
 * listPlans(): every row of the Plans sheet as a PlanInput (amounts as decimal text in major units).
 * A hand-edited row that does not validate is listed as written, with `invalid` saying why, so the
 * sidebar can show it; the commission engine flags the deals of partners on it.
 */
import { currencyExponent } from '../../domain/money';
import type { PlanInput } from '../../shared/api';
import { validatePlanInput, type Plan } from '../../shared/schema/plan';
import type { AppContext } from '../context';
import { readPlanRows } from '../commissions/inputs';

export type ListedPlan = PlanInput & { invalid?: string };

function toInput(plan: Plan): PlanInput {
  const { notes: _notes, ...rest } = plan;
  return { ...rest, ...(plan.type === 'tiered' && { bands: plan.bands.map((b) => ({ ...b })) }) };
}

export function listPlans(ctx: AppContext): ListedPlan[] {
  return readPlanRows(ctx).map((raw) => {
    const checked = validatePlanInput(raw, { currencyExponent });
    if (checked.ok) return toInput(checked.value);
    const plain = Object.fromEntries(
      Object.entries(raw).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
    );
    return {
      ...(plain as unknown as PlanInput),
      invalid: checked.errors.map((e) => e.message).join('; '),
    };
  });
}
