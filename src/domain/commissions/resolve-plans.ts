/** Which valid plan each partner is on, or why there is none (no silent zero). */
import { validatePlanInput, type Plan } from '../../shared/schema/plan';
import { currencyExponent } from '../money';
import { commissionMessages as m } from './messages';
import type { PartnerPlanRef } from './types';

export type PlanResolution = { readonly plan: Plan } | { readonly reason: string };

/** `plans` are PlanInputs as saved or read from the Plans sheet (planFromRow); they are validated here. */
export function resolvePlans(
  partners: readonly PartnerPlanRef[],
  plans: readonly unknown[],
): (partnerId: string) => PlanResolution {
  const byRef = new Map<string, PlanResolution[]>();
  for (const raw of plans) {
    const input = (raw ?? {}) as { name?: unknown; id?: unknown };
    const name = String(input.name ?? '').trim();
    const result = validatePlanInput(raw, { currencyExponent });
    const resolution: PlanResolution = result.ok
      ? { plan: result.value }
      : {
          reason: m.invalidPlan(
            name || String(input.id ?? ''),
            result.errors.map((e) => e.message).join('; '),
          ),
        };
    for (const ref of new Set([name, String(input.id ?? '').trim()])) {
      if (ref !== '') byRef.set(ref, [...(byRef.get(ref) ?? []), resolution]);
    }
  }
  const partnerPlan = new Map(partners.map((p) => [p.id, p.plan.trim()]));
  return (partnerId) => {
    const ref = partnerPlan.get(partnerId);
    if (ref === undefined) return { reason: m.noPartner(partnerId) };
    if (ref === '') return { reason: m.noPlan(partnerId) };
    const found = byRef.get(ref) ?? [];
    if (found.length === 0) return { reason: m.unknownPlan(partnerId, ref) };
    if (found.length > 1) return { reason: m.duplicatePlan(ref, found.length) };
    return found[0];
  };
}
