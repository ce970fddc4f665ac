/**
 * What the dashboard is computed from, read once: Partners, Leads and Commissions (from their
 * shadow where it can serve, see ctx.read), the settings (stored copy), as the domain's plain rows.
 * Cells are checked where they are read: an unknown lead status counts as '' (shown as "(none)").
 */
import { convertMinor, type ExchangeRate } from '../../domain/money';
import { DEFAULT_LEAD_SOURCE, LEAD_SOURCES, type LeadSource } from '../../shared/dashboard';
import { DEFAULT_CURRENCY } from '../../shared/currencies';
import {
  LEAD_STATUSES,
  PARTNER_STATUS,
  PARTNER_STATUSES,
  readStatus,
  matchIgnoringCase,
} from '../../shared/statuses';
import type { MetricsLead, MetricsLine, MetricsPartner, ToReporting } from '../../domain/metrics/types';
import { sameCurrencyOnly } from '../../domain/metrics/types';
import { parseTierRules, type TierRulesReading } from '../../domain/partners/tier-rules';
import type { AppContext } from '../context';
import type { SheetKey } from '../../sheets/schema';
import type { Table } from '../../sheets/table';
import { minorOfCell, text, today } from '../leads/cells';
import { ledgerLineOf, readLedger } from '../commissions/ledger-table';
import { rememberedCells, shadowRecords } from './shadow-rows';
import { memoRecords, type MemoCodec } from './memo';
import { DashboardMemo } from '../../sheets/dashboard-memo';
import type { Days } from '../../sheets/days';
import { hasForged } from '../../sheets/shadow-seals';

/** The Leads columns the metrics read. */
const LEAD_COLUMNS = [
  'leadId',
  'partnerId',
  'product',
  'status',
  'registeredOn',
  'closedOn',
  'currency',
  'estimatedValue',
  'dealValue',
  'source',
] as const;
/** The Commissions columns the metrics read (Kind and Status checked as the ledger checks them). */
const LINE_COLUMNS = [
  'commissionId',
  'partnerId',
  'kind',
  'currency',
  'amount',
  'status',
  'earnedOn',
] as const;

export interface DashboardInputs {
  partners: MetricsPartner[];
  /** Partners > Tier Locked, by partner id. */
  locked: Set<string>;
  leads: Array<MetricsLead & { id: string }>;
  lines: MetricsLine[];
  today: string;
  tiers: string[];
  /** Settings > Reporting Currency when there is one, else the default currency. */
  reportingCurrency: string;
  currencies: string[];
  tierRules: (currency: string) => TierRulesReading;
  /** Settings' dated exchange rates (quoted in `reportingCurrency`): sums across currencies use them. */
  rates: readonly ExchangeRate[];
}

/** Settings > Reporting Currency (the money feature's) when set, else Settings > Default Currency. */
export function reportingCurrencyOf(values: Record<string, unknown>): string {
  const chosen = String(values.reportingCurrency ?? '').trim();
  return (chosen || String(values.defaultCurrency ?? '').trim() || DEFAULT_CURRENCY).toUpperCase();
}

/**
 * The conversion the metrics use. Until exchange rates are wired in (the money feature's
 * convertMinor), an amount in another currency than the reporting one is not converted: counted
 * and shown as "not converted".
 */
/**
 * Amounts in `currency`: the same currency as it is; another one converted by THE conversion
 * (domain/money/exchange.ts convertMinor: the latest rate on or before the day, rounded once);
 * null (counted as "not converted") when no rate covers it.
 */
export function reportingConversion(
  currency: string,
  rates: readonly ExchangeRate[] = [],
  reporting: string = currency,
): ToReporting {
  if (!rates.length) return sameCurrencyOnly(currency);
  return (amountMinor, from, on) => {
    const converted = convertMinor(amountMinor, from, currency, on, rates, reporting);
    return converted.ok ? converted.amountMinor : null;
  };
}

export function isTierLocked(value: unknown): boolean {
  if (value === true) return true;
  const t = text(value).trim().toLowerCase();
  return t === 'true' || t === 'yes' || t === 'locked' || t === 'y' || t === 'x';
}

export function leadSourceOf(value: unknown): LeadSource {
  return matchIgnoringCase(LEAD_SOURCES, text(value)) ?? DEFAULT_LEAD_SOURCE;
}

export type DashboardLead = DashboardInputs['leads'][number];

/** A lead row's figures from its record (null: a row with no id), each distinct text converted once. */
function leadReader(days: Days): (record: Readonly<Record<string, unknown>>) => DashboardLead | null {
  // Few distinct texts in 100,000 rows (statuses, days, sources): each converted once.
  const dayOf = rememberedCells((cell) => days.cellToDay(cell));
  const statusOf = rememberedCells((cell) => {
    const status = readStatus(LEAD_STATUSES, cell, 'Leads');
    return status.ok ? (status.status ?? '') : '';
  });
  const sourceOf = rememberedCells(leadSourceOf);
  return (record) => {
    const id = text(record.leadId).trim();
    if (!id) return null;
    const currency = text(record.currency).trim().toUpperCase();
    return {
      id,
      partnerId: text(record.partnerId).trim(),
      product: text(record.product).trim(),
      status: statusOf(record.status),
      registeredOn: dayOf(record.registeredOn),
      closedOn: dayOf(record.closedOn),
      currency,
      estimatedMinor: minorOfCell(record.estimatedValue, currency),
      dealMinor: minorOfCell(record.dealValue, currency),
      source: sourceOf(record.source),
    };
  };
}

/** A commission line's figures (null: a row with no id), as the ledger reads it. */
function lineOf(record: Readonly<Record<string, unknown>>, row: number, days: Days): MetricsLine | null {
  const line = ledgerLineOf(record, row, days);
  return line
    ? {
        partnerId: line.partnerId,
        currency: line.currency,
        amountMinor: line.amountMinor,
        status: line.status,
        earnedOn: line.earnedOn,
      }
    : null;
}

/** The memo rows of leads and lines (dashboard-memo.ts): the figures as a JSON array, in this order. */
function leadCodec(days: Days): MemoCodec<DashboardLead> {
  const of = leadReader(days);
  return {
    columns: LEAD_COLUMNS,
    of,
    toRow: (l) => [
      l.id,
      l.partnerId,
      l.product,
      l.status,
      l.registeredOn,
      l.closedOn,
      l.currency,
      l.estimatedMinor,
      l.dealMinor,
      l.source,
    ],
    fromRow: (r) => ({
      id: r[0] as string,
      partnerId: r[1] as string,
      product: r[2] as string,
      status: r[3] as DashboardLead['status'],
      registeredOn: r[4] as string,
      closedOn: r[5] as string,
      currency: r[6] as string,
      estimatedMinor: r[7] as number | null,
      dealMinor: r[8] as number | null,
      source: r[9] as LeadSource,
    }),
  };
}

function lineCodec(days: Days): MemoCodec<MetricsLine> {
  return {
    columns: LINE_COLUMNS,
    of: (record, row) => lineOf(record, row, days),
    toRow: (l) => [l.partnerId, l.currency, l.amountMinor, l.status, l.earnedOn],
    fromRow: (r) => ({
      partnerId: r[0] as string,
      currency: r[1] as string,
      amountMinor: r[2] as number,
      status: r[3] as MetricsLine['status'],
      earnedOn: r[4] as string,
    }),
  };
}

/**
 * The leads as the dashboard reads them through its memo (memo.ts: the same rows, the same rule for
 * which chunks are trusted), the memo only read: nothing queued, nothing written (tiering). Null when
 * the memo path cannot serve (the table open, the shadow filling, a forged row: see hasForged).
 * `keep`: the leads the caller wants (tiering: the won ones).
 */
export function leadsThroughMemo(
  ctx: AppContext,
  keep?: (lead: DashboardLead) => boolean,
): DashboardLead[] | null {
  const days = ctx.doc.days(true);
  return memoRecords(ctx, new DashboardMemo(ctx.doc, days.timeZone), 'leads', leadCodec(days), days, keep);
}

/**
 * `lines: false`: the commission lines are not read (tiering needs only partners and leads);
 * `leads`: the Leads table already opened (tiering opens only the won leads' rows); `leadRows`: the
 * leads already read (leadsThroughMemo); `memo`: read
 * Leads and Commissions through the dashboard's memo (memo.ts) and queue its new state for the
 * caller's commit; the function returned in `writeMemo` writes its cells after that commit.
 */
export function readDashboardInputs(
  ctx: AppContext,
  options: { lines?: boolean; leads?: Table; leadRows?: DashboardLead[]; memo?: boolean } = {},
): DashboardInputs & { writeMemo?: (() => void) | null } {
  const withLines = options.lines !== false;
  // The time zone as last seen (every hourly run asks): no call.
  const days = ctx.doc.days(true);
  const withCommissions = withLines && !!ctx.doc.layout().sheets.commissions;
  const memo = options.memo && !options.leads ? new DashboardMemo(ctx.doc, days.timeZone) : null;
  // Leads and Commissions through the memo, or as their shadow's raw rows, only the columns used
  // converted (shadow-rows.ts); the tables when the shadow cannot serve or they are open.
  const memoLeads =
    options.leadRows ?? (memo ? memoRecords(ctx, memo, 'leads', leadCodec(days), days) : null);
  const memoLines =
    memo && withCommissions ? memoRecords(ctx, memo, 'commissions', lineCodec(days), days) : null;
  // (a forged row the memo found: the shadow cannot serve, the table is read)
  const forged = (key: SheetKey) => !!memo && hasForged(ctx.doc, key);
  const leadRecords =
    options.leads || memoLeads || forged('leads') ? null : shadowRecords(ctx, 'leads', LEAD_COLUMNS, days);
  const lineRecords =
    withCommissions && !memoLines && !forged('commissions')
      ? shadowRecords(ctx, 'commissions', LINE_COLUMNS, days)
      : null;
  // Only Leads is guarded against rows another tool appended (one getLastRow): the dashboard writes
  // none of these tables, and Partners and Commissions are written by the tracker alone.
  const keys: SheetKey[] = ['partners'];
  if (!options.leads && !leadRecords && !memoLeads) keys.push('leads');
  if (withLines && !lineRecords && !memoLines) keys.push('commissions');
  ctx.read(keys, { guarded: options.leads || leadRecords || memoLeads ? [] : ['leads'] });
  const settings = ctx.settings();
  const partners: MetricsPartner[] = [];
  const locked = new Set<string>();
  for (const { row, record } of ctx.table('partners').rows()) {
    const id = text(record.partnerId).trim();
    if (!id) continue;
    const status = readStatus(PARTNER_STATUSES, record.status, `Partners row ${row}`);
    partners.push({
      id,
      name: text(record.partnerName),
      active: status.ok && (status.status ?? PARTNER_STATUS.Active) === PARTNER_STATUS.Active,
      tier: text(record.tier).trim(),
      region: text(record.region).trim(),
      type: text(record.type).trim(),
      productFocus: text(record.productFocus).trim(),
    });
    if (isTierLocked(record.tierLocked)) locked.add(id);
  }
  const leadOf = leadReader(days);
  const leads: DashboardInputs['leads'] =
    memoLeads ??
    (leadRecords ?? (options.leads ?? ctx.table('leads')).rows()).flatMap(({ record }) => {
      const lead = leadOf(record);
      return lead ? [lead] : [];
    });
  const lines: MetricsLine[] =
    memoLines ??
    (lineRecords
      ? lineRecords.flatMap(({ row, record }) => {
          const line = lineOf(record, row, days);
          return line ? [line] : [];
        })
      : withCommissions
        ? readLedger(ctx.table('commissions'), days).map(({ line }) => ({
            partnerId: line.partnerId,
            currency: line.currency,
            amountMinor: line.amountMinor,
            status: line.status,
            earnedOn: line.earnedOn,
          }))
        : []);
  const tiers = settings.lists.tiers;
  const ruleEntries = (settings.lists as Record<string, string[] | undefined>).tierRules ?? [];
  return {
    partners,
    locked,
    leads,
    lines,
    today: today(ctx.now, days),
    tiers,
    reportingCurrency: reportingCurrencyOf(settings.values),
    currencies: settings.lists.currencies,
    tierRules: (currency) => parseTierRules(ruleEntries, tiers, currency),
    rates: settings.rates,
    writeMemo: memo?.save(),
  };
}
