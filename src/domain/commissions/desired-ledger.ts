/**
 * The ledger the deals and plans imply as of a day: pure and deterministic. Won deals closed on or
 * before asOf, per partner in (closedOn, leadId) order, each through the partner's plan; a deal that
 * cannot earn (no plan, invalid plan, unknown currency or no exchange rate, bad amount) is flagged
 * with the reason. A deal in another currency than its plan's is converted first (convert-deal.ts).
 */
import { addDays, compareDays, dayNumber, isIsoDay } from '../dates';
import { MoneyError, isKnownCurrency } from '../money';
import { firstDealBonusLine, thresholdBonusLine } from './bonuses';
import type { DealContext, EarnedLine, WonDeal } from './earned-line';
import { flatLines } from './flat';
import { commissionMessages as m } from './messages';
import { percentLines } from './percent';
import { periodOf } from './period';
import { recurringLines } from './recurring';
import { resolvePlans, versionOn } from './resolve-plans';
import { tieredLines } from './tiered';
import type { CommissionSettings, Deal, DesiredLine, Flag, PartnerPlanRef } from './types';
import { COMMISSION_KIND, LEAD_STATUS } from '../../shared/statuses';
import { dealInPlanCurrency, type ExchangeTable } from './convert-deal';

export interface DesiredLedgerInput {
  readonly deals: readonly Deal[];
  readonly partners: readonly PartnerPlanRef[];
  /** PlanInputs (saved, or planFromRow of the Plans sheet); validated here. */
  readonly plans: readonly unknown[];
  readonly settings: CommissionSettings;
  readonly asOf: string;
  /** Exchange rates for deals in another currency than their plan's (none: such deals are not computed). */
  readonly exchange?: ExchangeTable;
}

export interface DesiredLedger {
  readonly lines: DesiredLine[];
  readonly flags: Flag[];
}

const byType = { percent: percentLines, flat: flatLines, tiered: tieredLines, recurring: recurringLines };

export function desiredLedger({
  deals,
  partners,
  plans,
  settings,
  asOf,
  exchange,
}: DesiredLedgerInput): DesiredLedger {
  const flags: Flag[] = [];
  const won: WonDeal[] = [];
  for (const deal of deals) {
    if (deal.status !== LEAD_STATUS.Won) continue;
    if (deal.dealValueMinor === null || !isIsoDay(deal.closedOn))
      flags.push({ leadId: deal.leadId, reason: m.wonWithoutValue(deal.leadId) });
    else if (compareDays(deal.closedOn, asOf) <= 0) won.push(deal as WonDeal);
  }
  // (closedOn, leadId) order, each day parsed once; then each partner's deals in that order
  const sorted = won
    .map((deal) => ({ deal, day: dayNumber(deal.closedOn) }))
    .sort(
      (a, b) => a.day - b.day || (a.deal.leadId < b.deal.leadId ? -1 : a.deal.leadId > b.deal.leadId ? 1 : 0),
    );
  const byPartner = new Map<string, WonDeal[]>();
  for (const { deal } of sorted) {
    const list = byPartner.get(deal.partnerId);
    if (list) list.push(deal);
    else byPartner.set(deal.partnerId, [deal]);
  }
  const planOf = resolvePlans(partners, plans);
  const lines: DesiredLine[] = [];
  for (const [partnerId, partnerDeals] of byPartner) {
    const resolution = planOf(partnerId);
    if ('reason' in resolution) {
      partnerDeals.forEach((d) => flags.push({ leadId: d.leadId, reason: resolution.reason }));
      continue;
    }
    const { versions } = resolution;
    const cumulative = new Map<string, number>();
    let firstDone = false;
    for (const dealAsWon of partnerDeals) {
      // the version in force on the close day: a later version never recomputes what an earlier one earned
      const plan = versionOn(versions, dealAsWon.closedOn);
      const hold = plan.holdDays ?? settings.defaultHoldDays;
      const planCurrency = plan.currency;
      if (!isKnownCurrency(dealAsWon.currency)) {
        flags.push({
          leadId: dealAsWon.leadId,
          reason: m.otherCurrency(
            dealAsWon.leadId,
            dealAsWon.currency,
            plan.name,
            planCurrency ?? 'known ISO 4217 codes',
          ),
        });
        continue;
      }
      let deal = dealAsWon;
      let conversionNote = '';
      if (planCurrency && plan.type !== 'flat' && deal.currency !== planCurrency) {
        const converted = dealInPlanCurrency(deal, planCurrency, exchange);
        if ('reason' in converted) {
          const why = m.otherCurrency(deal.leadId, deal.currency, plan.name, planCurrency);
          flags.push({ leadId: deal.leadId, reason: `${why}: ${converted.reason}` });
          continue;
        }
        deal = converted.deal;
        conversionNote = converted.note;
      }
      const period = periodOf(deal.closedOn, plan.period);
      const before = cumulative.get(period.key) ?? 0;
      const counts = planCurrency === undefined || deal.currency === planCurrency;
      const after = counts ? before + deal.dealValueMinor : before;
      const context: DealContext = { plan, deal, cumulativeBeforeMinor: before, period, asOf };
      let earned: EarnedLine[];
      try {
        earned = [
          ...byType[plan.type](context),
          ...(firstDone ? [] : [firstDealBonusLine(plan, deal)]),
          ...(counts ? [thresholdBonusLine(plan, deal, period, before, after)] : []),
        ].filter((line): line is EarnedLine => line !== null);
      } catch (error) {
        if (!(error instanceof MoneyError)) throw error;
        flags.push({ leadId: deal.leadId, reason: m.cannotCompute(deal.leadId, plan.name, error.message) });
        continue;
      }
      firstDone = true;
      cumulative.set(period.key, after);
      for (const line of earned) {
        if (line.amountMinor === 0) continue;
        lines.push({
          ...line,
          explanation:
            line.kind === COMMISSION_KIND.Commission ? line.explanation + conversionNote : line.explanation,
          leadId: deal.leadId,
          partnerId,
          plan: plan.name,
          eligibleOn: addDays(line.earnedOn, hold),
        });
      }
    }
  }
  return { lines, flags };
}
