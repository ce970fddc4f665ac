/**
 * What a use case reads, each table at most once per execution (through the context's tables):
 * Settings (values and lists), partners, leads, plan names, and the form options built from them.
 */
import type { FormOptions } from '../../shared/api';
import type { WindowSettings } from '../../domain/leads';
import type { TrackerSettings } from '../../sheets/settings-reader';
import type { Days } from '../../sheets/days';
import type { AppContext } from '../context';
import { partnerRows, type PartnerRow } from '../partners/records';
import { today } from './cells';
import { leadRows, type LeadRow } from './records';
import { DEFAULT_CURRENCY } from '../../shared/currencies';

export class TrackerData {
  private settingsValue: TrackerSettings | null = null;
  private partnersValue: PartnerRow[] | null = null;
  private leadsValue: LeadRow[] | null = null;
  readonly today: string;
  /** ISO days <-> date cells in the spreadsheet's time zone. */
  readonly days: Days;

  constructor(readonly ctx: AppContext) {
    this.days = ctx.doc.days();
    this.today = today(ctx.now, this.days);
  }

  get settings(): TrackerSettings {
    return (this.settingsValue ??= this.ctx.settings());
  }

  get partners(): PartnerRow[] {
    return (this.partnersValue ??= partnerRows(this.ctx.table('partners').rows(), this.days));
  }

  get leads(): LeadRow[] {
    return (this.leadsValue ??= leadRows(this.ctx.table('leads').rows(), this.days));
  }

  get window(): WindowSettings {
    const values = this.settings.values;
    return {
      windowDays: wholeDays(values.protectionWindowDays, 90),
      extensionDays: wholeDays(values.extensionDays, 30),
      maxExtensions: wholeDays(values.maximumExtensions, 1),
    };
  }

  get notificationsOn(): boolean {
    return this.settings.values.notificationsOn !== false;
  }

  get defaultCurrency(): string {
    return String(this.settings.values.defaultCurrency || DEFAULT_CURRENCY).toUpperCase();
  }

  /** Plan names from the Plans sheet (none when it is absent). */
  planNames(): string[] {
    if (!this.ctx.doc.layout().sheets.plans) return [];
    return this.ctx
      .table('plans')
      .rows()
      .map((r) => String(r.record.planName ?? '').trim())
      .filter((name) => name !== '');
  }

  formOptions(withPlans = true): FormOptions {
    const lists = this.settings.lists;
    return {
      types: lists.types,
      tiers: lists.tiers,
      regions: lists.regions,
      products: lists.products,
      currencies: lists.currencies,
      defaultCurrency: this.defaultCurrency,
      plans: withPlans ? this.planNames() : [],
      partners: this.partners.map(({ partner }) => ({
        id: partner.id,
        partnerName: partner.partnerName,
        status: partner.status,
      })),
      today: this.today,
    };
  }
}

function wholeDays(value: unknown, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}
