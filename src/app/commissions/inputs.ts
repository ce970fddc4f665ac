/**
 * What the commission engine reads, each table once: deals from Leads, each partner's plan from
 * Partners, plan rows from Plans (validated by the engine), hold days and currency from Settings.
 */
import type { Deal, ExchangeTable, Flag, PartnerPlanRef } from '../../domain/commissions';
import { MoneyError, isKnownCurrency, toMinor } from '../../domain/money';
import { planFromRow, type PlanRowKey } from '../../shared/schema/plan';
import type { TrackerSettings } from '../../sheets/settings-reader';
import type { AppContext } from '../context';
import type { Days } from '../../sheets/days';
import { LEAD_STATUS, LEAD_STATUSES, readStatus } from '../../shared/statuses';
import { DEFAULT_CURRENCY } from '../../shared/currencies';

const text = (value: unknown) => String(value ?? '').trim();

export interface DealRow {
  readonly row: number;
  readonly deal: Deal;
}

export interface EngineInputs {
  readonly deals: DealRow[];
  /** Deals whose cells the engine cannot read (a Deal Value with too many decimals...). */
  readonly unreadable: Flag[];
  readonly partners: PartnerPlanRef[];
  readonly plans: Array<Record<string, unknown>>;
  readonly settings: TrackerSettings;
}

/** Settings > Hold Days as a whole number of days (30 when it is not one). */
export function defaultHoldDays(settings: TrackerSettings): number {
  const holdDays = Number(settings.values.holdDays);
  return Number.isInteger(holdDays) && holdDays >= 0 ? holdDays : 30;
}

/** Each partner's id and the name of its plan (rows without an id left out). */
/** Settings' exchange rates and Reporting Currency (the default currency when none is set). */
export function exchangeTable(settings: TrackerSettings): ExchangeTable {
  const reporting = text(settings.values.reportingCurrency).toUpperCase();
  return {
    rates: settings.rates,
    reportingCurrency: reporting || text(settings.values.defaultCurrency) || DEFAULT_CURRENCY,
  };
}

export function partnerPlans(ctx: AppContext): PartnerPlanRef[] {
  return ctx
    .table('partners')
    .rows()
    .map(({ record }) => ({ id: text(record.partnerId), plan: text(record.plan) }))
    .filter((p) => p.id !== '');
}

export function readEngineInputs(ctx: AppContext, days: Days): EngineInputs {
  const settings = ctx.settings();
  const defaultCurrency = text(settings.values.defaultCurrency) || DEFAULT_CURRENCY;
  const deals: DealRow[] = [];
  const unreadable: Flag[] = [];
  for (const { row, record } of ctx.table('leads').rows()) {
    const leadId = text(record.leadId);
    if (leadId === '') continue;
    const currency = text(record.currency).toUpperCase() || defaultCurrency;
    const reading = readStatus(LEAD_STATUSES, record.status, `Leads row ${row}`);
    if (!reading.ok) {
      // not cast, not guessed: the deal earns nothing and says why (a note on its Lead ID)
      unreadable.push({ leadId, reason: `Deal ${leadId}: ${reading.problem}` });
      continue;
    }
    const status = reading.status ?? '';
    let dealValueMinor: number | null = null;
    const raw = record.dealValue;
    if (raw !== '' && raw !== undefined && status === LEAD_STATUS.Won) {
      try {
        if (!isKnownCurrency(currency)) throw new MoneyError(`Unknown currency '${currency}'`);
        dealValueMinor = toMinor(raw as number | string, currency);
      } catch (error) {
        if (!(error instanceof MoneyError)) throw error;
        unreadable.push({ leadId, reason: `Deal ${leadId}: Deal Value: ${error.message}` });
        continue;
      }
    }
    deals.push({
      row,
      deal: {
        leadId,
        partnerId: text(record.partnerId),
        currency,
        dealValueMinor,
        closedOn: days.cellToDay(record.closedOn),
        status,
      },
    });
  }
  return { deals, unreadable, partners: partnerPlans(ctx), plans: readPlanRows(ctx), settings };
}

/** The Plans sheet's rows as unvalidated PlanInputs (planFromRow). */
export function readPlanRows(ctx: AppContext): Array<Record<string, unknown>> {
  const days = ctx.doc.days();
  return ctx
    .table('plans')
    .rows()
    .map(({ record }) => {
      const row = record as Partial<Record<PlanRowKey, unknown>>;
      // Effective From: a Date cell is the day it shows in the spreadsheet's time zone
      const effectiveFrom =
        row.effectiveFrom === '' ? '' : days.cellToDay(row.effectiveFrom) || row.effectiveFrom;
      return planFromRow({ ...row, effectiveFrom });
    })
    .filter((input) => Object.keys(input).length > 0);
}
