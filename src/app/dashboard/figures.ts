/**
 * The dashboard's figures and one partner's scorecard from what was read: the period checked (an
 * unknown one is an error naming the periods), the reporting currency checked, the one-pass
 * metrics, then the view getDashboard returns and the sheet shows.
 */
import type { Dashboard, PartnerScorecard, TierProgressView } from '../../shared/dashboard';
import { DEFAULT_PERIOD } from '../../shared/dashboard';
import { computeMetrics } from '../../domain/metrics/compute';
import { periodRange, lastTwelveMonths, type PeriodRange } from '../../domain/metrics/period';
import { dashboardView, metricsMessages, partnerFigures } from '../../domain/metrics/view';
import type { Metrics } from '../../domain/metrics/types';
import { isKnownCurrency, toMajor } from '../../domain/money';
import { tierProgress, type WonDeal } from '../../domain/partners/tier-progress';
import { LEAD_STATUS } from '../../shared/statuses';
import { fail } from '../user-error';
import { reportingConversion, type DashboardInputs } from './inputs';

export const figuresMessages = {
  currency: (code: string) =>
    `Reporting currency '${code}' is not a currency the tracker knows (ISO 4217 code).`,
  partnerId: () => 'Partner ID: give the partner’s ID (P-0001).',
} as const;

export type PeriodChoice = { ok: true; range: PeriodRange } | { ok: false; problem: string };

export function periodOf(value: unknown, today: string): PeriodChoice {
  return periodRange(value === undefined || value === null || value === '' ? DEFAULT_PERIOD : value, today);
}

export function checkedCurrency(code: string): string {
  if (!isKnownCurrency(code)) fail(figuresMessages.currency(code));
  return code;
}

export function metricsOf(inputs: DashboardInputs, range: PeriodRange, currency: string): Metrics {
  return computeMetrics({
    partners: inputs.partners,
    leads: inputs.leads,
    lines: inputs.lines,
    range,
    today: inputs.today,
    currency,
    toReporting: reportingConversion(currency, inputs.rates, inputs.reportingCurrency),
    tiers: inputs.tiers,
  });
}

export function dashboardFigures(inputs: DashboardInputs, period: unknown, currency: string): Dashboard {
  const choice = periodOf(period, inputs.today);
  if (!choice.ok) fail(choice.problem);
  return dashboardView(metricsOf(inputs, choice.range, checkedCurrency(currency)));
}

/** A partner's won deals in the reporting currency (those converted), for the tier rules. */
export function wonDealsOf(
  inputs: DashboardInputs,
  partnerId: string,
  currency: string,
  leads: DashboardInputs['leads'] = inputs.leads,
): WonDeal[] {
  const convert = reportingConversion(currency, inputs.rates, inputs.reportingCurrency);
  const deals: WonDeal[] = [];
  for (const l of leads) {
    if (l.partnerId !== partnerId || l.status !== LEAD_STATUS.Won || l.closedOn === '') continue;
    const value = convert(l.dealMinor ?? 0, l.currency, l.closedOn);
    if (value !== null) deals.push({ closedOn: l.closedOn, valueMinor: value });
  }
  return deals;
}

export function partnerScorecard(
  inputs: DashboardInputs,
  partnerId: unknown,
  period: unknown,
  currencyCode: string,
): PartnerScorecard {
  const id = typeof partnerId === 'string' ? partnerId.trim() : '';
  if (!id) fail(figuresMessages.partnerId());
  const partner = inputs.partners.find((p) => p.id === id);
  if (!partner) fail(metricsMessages.unknownPartner(id));
  const choice = periodOf(period, inputs.today);
  if (!choice.ok) fail(choice.problem);
  const currency = checkedCurrency(currencyCode);
  const metrics = metricsOf(inputs, choice.range, currency);
  const view = dashboardView(metrics);
  const at = metrics.byPartner.findIndex((r) => r.partnerId === id);
  const row = metrics.byPartner[at];
  const ranked = metrics.byPartner.filter((r) => r.wonMinor > 0).length;
  const deals = wonDealsOf(inputs, id, currency);
  const months = lastTwelveMonths(inputs.today);
  const trend = months.map((month) => ({ month, wonValue: 0, won: 0 }));
  for (const d of deals) {
    const m = months.indexOf(d.closedOn.slice(0, 7));
    if (m < 0) continue;
    trend[m].won++;
    trend[m].wonValue += d.valueMinor;
  }
  return {
    partnerId: id,
    partnerName: partner.name,
    period: view.period,
    from: view.from,
    to: view.to,
    currency,
    notice: row.won + row.lost === 0 ? metricsMessages.noDeals : '',
    rank: row.wonMinor > 0 ? at + 1 : null,
    partnersRanked: ranked,
    figures: partnerFigures(row, metrics.headline.wonMinor, currency),
    openDeals: row.openDeals,
    openPipeline: toMajor(row.openMinor, currency),
    tier: partnerTierProgress(inputs, partner, currency),
    trend: trend.map((t) => ({ ...t, wonValue: toMajor(t.wonValue, currency) })),
  };
}

/**
 * A partner's standing against the tier rules (Settings > Tier Rules) in `currency`: the scorecard's
 * and the partner's own view's (app/partners/views.ts). `leads`: the partner's leads when the caller
 * has them grouped already (else all, filtered here).
 */
export function partnerTierProgress(
  inputs: DashboardInputs,
  partner: { id: string; tier: string },
  currency: string,
  leads: DashboardInputs['leads'] = inputs.leads,
): TierProgressView {
  const convert = reportingConversion(currency, inputs.rates, inputs.reportingCurrency);
  const open = leads
    .filter((l) => l.partnerId === partner.id && l.status === LEAD_STATUS.Approved)
    .map((l) => (l.estimatedMinor === null ? 0 : convert(l.estimatedMinor, l.currency, inputs.today)));
  return tierProgress({
    rules: inputs.tierRules(currency).rules,
    currentTier: partner.tier,
    locked: inputs.locked.has(partner.id),
    deals: wonDealsOf(inputs, partner.id, currency, leads),
    open,
    today: inputs.today,
    currency,
  });
}
