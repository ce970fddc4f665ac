/**
 * The server API the sidebar calls through google.script.run: one entry per top-level function in
 * src/index.ts. Everything here crosses google.script.run, so it is plain data: strings, numbers,
 * booleans, null, arrays and objects of those. Dates are ISO 8601 strings ("2026-03-02" for a day,
 * "2026-03-02T09:00:00.000Z" for an instant). Amounts are major units (12345.67 USD) as a number or a
 * decimal string; inside the server they are integer minor units.
 */

import type { CommissionKind, CommissionStatus, LeadStatus, PartnerStatus, PayoutStatus } from './statuses';
import type { PlanKind, PlanMode, PlanPeriod } from './schema/plan';
import type { Dashboard, DashboardOptions, PartnerScorecard, RefreshResult } from './dashboard';

export type { CommissionKind, CommissionStatus, LeadStatus, PartnerStatus, PayoutStatus };

export type Amount = number | string;

export interface PartnerInput {
  /** Present to update an existing partner; absent to create one. */
  id?: string;
  partnerName: string;
  contactName?: string;
  contactEmail: string;
  type: string;
  tier?: string;
  region?: string;
  productFocus?: string;
  plan?: string;
  status?: PartnerStatus;
  joinedOn?: string;
  notes?: string;
}

export interface Partner extends Required<Omit<PartnerInput, 'id' | 'status'>> {
  id: string;
  /** A blank Status cell reads Active; '' when it holds no partner status (`statusProblem` says which). */
  status: PartnerStatus | '';
  /** Set when the Status cell holds something that is not a partner status: the row and the value. */
  statusProblem?: string;
}

export interface PartnerFilter {
  /** Matches name, contact, email or id, case-insensitive. */
  search?: string;
  type?: string;
  tier?: string;
  status?: PartnerStatus;
}

export interface LeadInput {
  partnerId: string;
  company: string;
  domain?: string;
  contactName?: string;
  contactEmail?: string;
  product?: string;
  estimatedValue?: Amount;
  currency?: string;
  notes?: string;
  /** Sourced (the partner brought the deal, the default) or Influenced (the partner helped). */
  source?: string;
}

/** A partner's own links: their view-only file and their registration form ('' until they exist). */
export interface PartnerLinks {
  viewUrl: string;
  formUrl: string;
  /** The caller keeps the partners' files and links (the owner): may see the form link, replace it, update the view. */
  keeper?: boolean;
  /** Why formUrl is '' (kept by the owner, not made yet), for the sidebar. */
  note?: string;
}

/** Partner e-mail as the Partners page shows it: updates waiting to be sent, and those not kept. */
export interface PartnerMailStatus {
  /** Updates waiting for the next hourly run (or for the day's e-mail quota to renew). */
  waiting: number;
  /** Updates the tracker could not keep: their store was full (sheets/mail-not-kept.ts). */
  notKept: number;
  /** Every update not kept so far, dismissed ones too: what Dismiss sends back (dismissMailNotKept). */
  notKeptThrough: number;
}

/** What a refresh of the partners' view files did (refreshPartnerViews, the hourly run). */
export interface ViewsReport {
  idle: boolean;
  created: number;
  written: number;
  closed: number;
  shared: number;
  unshared: number;
  /** Partners whose file waits (the day's quota, the run's time). */
  waiting: number;
  /** Welcome e-mails sent now to people newly given a view (the rest wait for quota). */
  mailed?: number;
  errors: string[];
}

/** What sending the partners' statements did (sendStatements, the 1st of the month). */
export interface StatementsReport {
  month: string;
  sent: number;
  owed: number;
  skipped: number;
}

export interface Lead {
  id: string;
  partnerId: string;
  partnerName: string;
  company: string;
  domain: string;
  contactName: string;
  contactEmail: string;
  product: string;
  estimatedValue: number | null;
  currency: string;
  /** '' when the Status cell is empty or holds no lead status (then `statusProblem` says which). */
  status: LeadStatus | '';
  /** Set when the Status cell holds something that is not a lead status: the row and the value. */
  statusProblem?: string;
  registeredOn: string;
  expiresOn: string;
  decidedBy: string;
  decisionNote: string;
  closedOn: string;
  dealValue: number | null;
  conflict: string;
  notes: string;
  /** Sourced or Influenced (a blank cell reads Sourced). */
  source: string;
}

export interface LeadFilter {
  status?: LeadStatus | LeadStatus[];
  partnerId?: string;
  search?: string;
  /** Review queue order: Submitted with conflicts first, then oldest first. */
  queue?: boolean;
  limit?: number;
}

/** One page of a sidebar list, searched and filtered on the server (src/shared/paging.ts). */
export interface Page<T> {
  items: T[];
  /** How many match the search and filters, over every page. */
  total: number;
  /** The offset of the next page, null on the last one. */
  nextOffset: number | null;
}

export interface PageQuery {
  /** Words that must all appear (case-insensitive). */
  search?: string;
  offset?: number;
  /** At most PAGE_LIMIT_MAX; PAGE_LIMIT_DEFAULT when not given. */
  limit?: number;
}

/** Review leads' tabs: the review queue (Submitted, conflicts first, oldest first) or Approved. */
export type LeadTab = 'queue' | 'approved';

export interface LeadPageQuery extends PageQuery {
  tab?: LeadTab;
  partnerId?: string;
}

export type PartnerPageQuery = PageQuery & Omit<PartnerFilter, 'search'>;

export type CommissionPageQuery = PageQuery & CommissionFilter;

export interface Conflict {
  leadId: string;
  partnerId: string;
  partnerName: string;
  reason: string;
}

export interface RegisterLeadResult {
  id: string;
  status: LeadStatus;
  expiresOn: string;
  conflicts: Conflict[];
  /** An e-mail to the partner was queued with the registration: the sidebar sends it next (sendOwedMail). */
  mailOwed: boolean;
}

/** What sendOwedMail did with the queued partner e-mails. */
export interface MailDelivery {
  sent: number;
  /** Still queued (over today's quota): sent once the quota renews. */
  queued: number;
  /** No longer true (the lead closed, its partner gone) or with no address: not sent. */
  dropped: number;
}

export type ReviewDecision = 'approve' | 'reject';
export type CloseOutcome = 'won' | 'lost';

export interface CloseDetails {
  dealValue?: Amount;
  closedOn?: string;
  reason?: string;
}

export interface FormOptions {
  types: string[];
  tiers: string[];
  regions: string[];
  products: string[];
  currencies: string[];
  defaultCurrency: string;
  plans: string[];
  partners: Array<{ id: string; partnerName: string; status: Partner['status'] }>;
  /** The document's today (ISO day in the spreadsheet's time zone): what date fields default to. */
  today?: string;
  /** How the spreadsheet's locale writes a decimal ("51,250.50": '.'; "51.250,50": ','). */
  decimalSeparator?: '.' | ',';
}

export type ImportKind = 'partners' | 'leads';

export interface ImportRowReport {
  /** 1-based line number in the CSV file (header is line 1). */
  line: number;
  ok: boolean;
  errors: string[];
  conflicts: string[];
}

export interface ImportPreview {
  kind: ImportKind;
  headers: string[];
  /** CSV header -> tracker field (camelCase); unmapped headers are ignored. */
  mapping: Record<string, string>;
  rows: ImportRowReport[];
  valid: number;
  invalid: number;
}

export interface ImportResult {
  imported: number;
  skipped: number;
  ids: string[];
  rows: ImportRowReport[];
}

/** The plan kinds, periods and modes are the lists of schema/plan.ts (PLAN_TYPES, ...). */
export type PlanType = PlanKind;

export interface PlanInput {
  id?: string;
  name: string;
  type: PlanType;
  currency?: string;
  rate?: number;
  amount?: Amount;
  period?: PlanPeriod;
  mode?: PlanMode;
  bands?: Array<{ from: Amount; rate: number }>;
  months?: number;
  firstMonths?: number;
  thenRate?: number;
  capPerDeal?: Amount;
  firstDealBonus?: Amount;
  thresholdBonus?: { over: Amount; amount: Amount };
  holdDays?: number;
  /** The day this version applies from (ISO); savePlan's option, today by default. */
  effectiveFrom?: string;
}

export interface SavePlanOptions {
  /** The day the new version applies from (ISO); today when absent. */
  effectiveFrom?: string;
}

export interface RecalculateOptions {
  /** Deals closed on or after this day (ISO) are computed with their plan's latest version. */
  from: string;
  /** true: return the lines it would add and write nothing. */
  preview?: boolean;
  /** Only this plan (a Plan Name or any version's Plan ID); every plan when absent. */
  plan?: string;
}

/** A line recalculateCommissions adds (or would add), with the deal's total before and after. */
export interface RecalculatedLine {
  leadId: string;
  partnerId: string;
  plan: string;
  kind: CommissionKind | '';
  currency: string;
  /** What the line itself amounts to (an Adjustment: the difference). */
  amount: number;
  /** The key's total before (lines not Void) and after. */
  oldAmount: number;
  newAmount: number;
  difference: number;
  explanation: string;
}

export interface RecalculateResult {
  preview: boolean;
  /** The plan versions whose Effective From moved back to `from`. */
  versions: Array<{ id: string; plan: string; from: string; to: string }>;
  lines: RecalculatedLine[];
}

export interface Commission {
  id: string;
  leadId: string;
  partnerId: string;
  plan: string;
  /** '' for a line whose Kind cell is empty (a line made by hand). */
  kind: CommissionKind | '';
  basis: number | null;
  currency: string;
  amount: number;
  /** '' for a line whose Status cell is empty (a line made by hand). */
  status: CommissionStatus | '';
  earnedOn: string;
  eligibleOn: string;
  approvedBy: string;
  approvedOn: string;
  payoutId: string;
  explanation: string;
  /**
   * Set (true) on an Adjustment of a line already in an Approved or Paid payout while it waits,
   * Pending, for a person's approval: the Commissions page shows these first.
   */
  awaitingApproval?: true;
}

export interface CommissionFilter {
  status?: CommissionStatus | CommissionStatus[];
  partnerId?: string;
}

export interface Payout {
  id: string;
  partnerId: string;
  partnerName: string;
  currency: string;
  amount: number;
  lines: number;
  period: string;
  /** '' for a payout whose Status cell is empty (made by hand). */
  status: PayoutStatus | '';
  createdOn: string;
  paidOn: string;
  reference: string;
  /** Who created and who approved it ('' when not recorded), the approval day, and the payee stamped then. */
  createdBy: string;
  approvedBy: string;
  approvedOn: string;
  payeeEmail: string;
}

/** A Won deal that earns nothing, and why (no exchange rate, no plan, an unreadable cell...). */
export interface NotComputed {
  leadId: string;
  reason: string;
}

export interface RunCommissionsResult {
  created: number;
  voided: number;
  eligible: number;
  flagged: string[];
  notComputed: NotComputed[];
}

/** A dated exchange rate: 1 unit of `currency` is worth `rate` units of the reporting currency from `date` on. */
export interface ExchangeRateInput {
  date: string;
  currency: string;
  rate: string | number;
}

export interface ExchangeRates {
  reportingCurrency: string;
  rates: Array<{ date: string; currency: string; rate: string }>;
}

export type PayoutExportFormat = 'csv' | 'paypal' | 'wise' | 'xero' | 'quickbooks';

export interface FileDownload {
  filename: string;
  mimeType: string;
  content: string;
}

export interface AuditVerification {
  ok: boolean;
  rows: number;
  /** 1-based sheet row of the first row whose hash does not match; null when ok. */
  firstBadRow: number | null;
  /** When not ok: every altered row found (at most 50; `moreProblems` counts the rest), in order. */
  problems?: AuditProblem[];
  moreProblems?: number;
}

/** One altered row of the Audit Log: its sheet row and what was found there. */
export interface AuditProblem {
  row: number;
  kind: 'blank' | 'inserted' | 'changed' | 'out-of-chain' | 'missing-end';
  /** What a person reads: "row 7: a row the tracker did not write (inserted or pasted)". */
  message: string;
}

export interface HistoryEntry {
  timestamp: string;
  user: string;
  source: string;
  field: string;
  cell: string;
  oldValue: string;
  newValue: string;
}

export interface RowHistory {
  sheet: string;
  recordId: string;
  entries: HistoryEntry[];
  /** Set when older entries were moved to an archive spreadsheet. */
  archivedIn: string | null;
}

/** A row set-up found invalid (highlighted in the sheet). */
export interface SetupInvalidRow {
  sheet: string;
  row: number;
  problems: string[];
}

/** What continueSetup returns: how far set-up's adoption of the existing rows got. */
export interface SetupProgress {
  /** Every row is adopted (or there was nothing to adopt). */
  finished: boolean;
  /** Data rows adopted so far, and in all. */
  done: number;
  total: number;
  /** Ids given and invalid rows found by this call. */
  idsGiven: number;
  invalidRows: SetupInvalidRow[];
  /** All adoption's ids given and invalid rows so far. */
  idsGivenInAll: number;
  invalidInAll: number;
  triggersInstalled: string[];
  /** Triggers that could not be installed: what happened and what the person can do. */
  triggerProblems?: string[];
  message: string;
}

/**
 * The endpoints; src/index.ts exports a function of each name with exactly this signature
 * (src/server-api-check.ts fails the typecheck otherwise).
 */
import type { SavedWebhook, WebhookInput, WebhooksView } from './webhooks';
export type { SavedWebhook, WebhookInput, WebhooksView } from './webhooks';
import type { SlackView } from './slack';
export type { SlackView } from './slack';
import type { HubSpotView } from './hubspot';
export type { HubSpotView } from './hubspot';

export interface ServerApi {
  getFormOptions(): FormOptions;
  savePartner(partner: PartnerInput): { id: string };
  listPartners(filter?: PartnerFilter): Partner[];
  getLead(id: string): Lead;
  listLeads(filter?: LeadFilter): Lead[];
  pageLeads(query?: LeadPageQuery): Page<Lead>;
  pagePartners(query?: PartnerPageQuery): Page<Partner>;
  pageCommissions(query?: CommissionPageQuery): Page<Commission>;
  registerLead(lead: LeadInput): RegisterLeadResult;
  sendOwedMail(leadId: string): MailDelivery;
  reviewLead(id: string, decision: ReviewDecision, note?: string): Lead;
  closeLead(id: string, outcome: CloseOutcome, details?: CloseDetails): Lead;
  extendLead(id: string): Lead;
  previewImport(kind: ImportKind, csv: string, mapping?: Record<string, string>): ImportPreview;
  runImport(kind: ImportKind, csv: string, mapping?: Record<string, string>): ImportResult;
  savePlan(plan: PlanInput, options?: SavePlanOptions): { id: string; effectiveFrom: string };
  recalculateCommissions(options: RecalculateOptions): RecalculateResult;
  listPlans(): PlanInput[];
  runCommissions(): RunCommissionsResult;
  listCommissions(filter?: CommissionFilter): Commission[];
  listNotComputed(): NotComputed[];
  saveExchangeRates(rates: ExchangeRateInput[]): ExchangeRates;
  /** The rates of a CSV file (Date, Currency, Rate): all checked, nothing written on any problem. */
  importExchangeRates(csv: string): ExchangeRates;
  listExchangeRates(): ExchangeRates;
  approveCommissions(ids: string[]): { approved: number };
  rejectCommissions(ids: string[], reason: string): { rejected: number };
  createPayouts(throughDate: string): Payout[];
  listPayouts(): Payout[];
  approvePayout(id: string): Payout;
  markPayoutPaid(id: string, reference: string, paidOn: string): Payout;
  exportPayouts(ids: string[], format: PayoutExportFormat): FileDownload;
  verifyAuditLog(): AuditVerification;
  getRowHistory(): RowHistory;
  continueSetup(): SetupProgress;
  saveWebhook(input: WebhookInput): SavedWebhook;
  listWebhooks(): WebhooksView;
  deleteWebhook(id: string): { deleted: string };
  testWebhook(id: string): WebhooksView;
  connectSlack(input: { url: string }): SlackView;
  disconnectSlack(): SlackView;
  getSlack(): SlackView;
  connectHubSpot(input: { token: string }): HubSpotView;
  disconnectHubSpot(): HubSpotView;
  getHubSpot(): HubSpotView;
  getPartnerLinks(partnerId: string): PartnerLinks;
  rotatePartnerLink(partnerId: string): PartnerLinks;
  refreshPartnerView(partnerId: string): PartnerLinks;
  refreshPartnerViews(): ViewsReport;
  sendStatements(): StatementsReport;
  getPartnerMailStatus(): PartnerMailStatus;
  dismissMailNotKept(through: number): PartnerMailStatus;
  refreshDashboard(): RefreshResult;
  getDashboard(options?: DashboardOptions): Dashboard;
  getPartnerScorecard(partnerId: string, options?: DashboardOptions): PartnerScorecard;
  showPartnerScorecard(partnerId?: string): void;
  getWarehouse(): WarehouseState;
  saveWarehouse(config: WarehouseConfig | null): WarehouseState;
  verifyWarehouseChain(): WarehouseChainVerdict;
  getWarehouseFigures(): WarehouseFigures;
  connectWarehouseSheets(): ConnectedSheetsResult;
}

export type { WarehouseConfig, WarehouseFigures, WarehouseState } from './warehouse';
import type { WarehouseConfig, WarehouseFigures, WarehouseState } from './warehouse';

/** The Audit Log chain checked in the warehouse with one SQL query (verifyWarehouseChain). */
export interface WarehouseChainVerdict {
  ok: boolean;
  rowsChecked: number;
  badHashes: number;
  brokenLinks: number;
  missingRows: number;
  sql: string;
}

/** The Connected Sheets made over the warehouse (connectWarehouseSheets). */
export interface ConnectedSheetsResult {
  dataSheet: string;
  pivotSheet: string;
  /** The title of the chart over the pivot (on the pivot's sheet). */
  chart: string;
  created: boolean;
}
