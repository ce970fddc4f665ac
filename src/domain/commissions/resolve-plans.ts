/**
 * Which valid plan each partner is on, or why there is none (no silent zero). A plan may have
 * versions: rows of the same Plan Name with different Effective From days. Each version applies from
 * its day on, over every version made before it (versions are ordered by when they were made: their
 * Plan ID), so a deal uses the newest version effective on or before its close day (`versionOn`).
 * A partner's Plan cell names the plan or any version's id.
 */
import { validatePlanInput, type Plan } from '../../shared/schema/plan';
import { currencyExponent } from '../money';
import { commissionMessages as m } from './messages';
import type { PartnerPlanRef } from './types';

/** `plan`: the newest version; `versions`: every version in the order they were made (no day = from the start). */
export type PlanResolution =
  { readonly plan: Plan; readonly versions: readonly Plan[] } | { readonly reason: string };

interface Family {
  readonly versions: Plan[];
  readonly invalid: string[];
}

const dayOf = (plan: Plan) => plan.effectiveFrom ?? '';

/** `plans` are PlanInputs as saved or read from the Plans sheet (planFromRow); they are validated here. */
export function resolvePlans(
  partners: readonly PartnerPlanRef[],
  plans: readonly unknown[],
): (partnerId: string) => PlanResolution {
  const families = new Map<string, Family>();
  const nameOfId = new Map<string, string>();
  for (const raw of plans) {
    const input = (raw ?? {}) as { name?: unknown; id?: unknown };
    const name = String(input.name ?? '').trim();
    const id = String(input.id ?? '').trim();
    const family = name || id;
    if (family === '') continue;
    if (id !== '' && !nameOfId.has(id)) nameOfId.set(id, family);
    const entry = families.get(family) ?? { versions: [], invalid: [] };
    families.set(family, entry);
    const result = validatePlanInput(raw, { currencyExponent });
    if (result.ok) entry.versions.push(result.value);
    else entry.invalid.push(m.invalidPlan(family, result.errors.map((e) => e.message).join('; ')));
  }
  const resolved = new Map<string, PlanResolution>();
  const resolve = (family: string): PlanResolution => {
    const known = resolved.get(family);
    if (known) return known;
    const { versions, invalid } = families.get(family)!;
    let resolution: PlanResolution;
    if (invalid.length) resolution = { reason: invalid[0] };
    else {
      const byDay = new Map<string, number>();
      for (const p of versions) byDay.set(dayOf(p), (byDay.get(dayOf(p)) ?? 0) + 1);
      const clash = [...byDay.values()].find((n) => n > 1);
      const made = versions
        .map((p, i) => ({ p, i }))
        .sort((a, b) => madeOrder(a.p) - madeOrder(b.p) || a.i - b.i);
      const sorted = made.map(({ p }) => p);
      resolution = clash
        ? { reason: m.duplicatePlan(family, clash) }
        : { plan: sorted[sorted.length - 1], versions: sorted };
    }
    resolved.set(family, resolution);
    return resolution;
  };
  const partnerPlan = new Map(partners.map((p) => [p.id, p.plan.trim()]));
  return (partnerId) => {
    const ref = partnerPlan.get(partnerId);
    if (ref === undefined) return { reason: m.noPartner(partnerId) };
    if (ref === '') return { reason: m.noPlan(partnerId) };
    const family = families.has(ref) ? ref : nameOfId.get(ref);
    if (family === undefined) return { reason: m.unknownPlan(partnerId, ref) };
    return resolve(family);
  };
}

/** When a version was made: its Plan ID's number (PL-007 -> 7); a row without one counts as made first. */
function madeOrder(plan: Plan): number {
  const digits = /(\d+)$/.exec(plan.id ?? '');
  return digits ? Number(digits[1]) : 0;
}

/**
 * The version in force on `day` (versions in the order they were made): the newest one effective on
 * or before it; a day before every version gets the one effective earliest.
 */
export function versionOn(versions: readonly Plan[], day: string): Plan {
  let chosen: Plan | undefined;
  for (const version of versions) if (dayOf(version) <= day) chosen = version;
  return chosen ?? versions.reduce((a, b) => (dayOf(b) < dayOf(a) ? b : a));
}
