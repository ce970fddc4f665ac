/**
 * The add-on's public surface. Every export becomes a top-level function in dist/Code.js
 * (triggers, menu handlers, google.script.run endpoints). A few lines each, no logic.
 */
import { buildAddonMenu } from './app/menu';
import { edge } from './app/edge';
// Every execution first finishes what a dead one left (a journal, an unrecorded edit): registered here.
import './app/audit/finish-pending';
import * as dashboard from './app/dashboard';
import * as importCsv from './app/import';
import * as leads from './app/leads';
import * as owedMail from './app/notifications/send-owed';
import { showPage } from './app/pages';
import * as partners from './app/partners';
import type {
  CommissionPageQuery,
  LeadPageQuery,
  Page,
  PartnerPageQuery,
  CloseDetails,
  CloseOutcome,
  FormOptions,
  ImportKind,
  ImportPreview,
  ImportResult,
  Lead,
  LeadFilter,
  LeadInput,
  Partner,
  PartnerFilter,
  PartnerInput,
  MailDelivery,
  RegisterLeadResult,
  ReviewDecision,
  ExchangeRateInput,
  ExchangeRates,
  NotComputed,
  RecalculateOptions,
  RecalculateResult,
  SavePlanOptions,
} from './shared/api';
import * as commissions from './app/commissions';
import { sidebarChange, sidebarContext } from './app/commissions/sidebar-context';
import * as payouts from './app/payouts';
import * as plans from './app/plans';
import * as money from './app/money';
import type {
  Commission,
  CommissionFilter,
  FileDownload,
  Payout,
  PayoutExportFormat,
  PlanInput,
  ServerApi,
} from './shared/api';
import { runScheduledJobs, type ScheduledRunReport } from './app/triggers/daily';
import * as webhooks from './app/webhooks';
import * as slack from './app/slack';
import * as hubspot from './app/hubspot';
import type { HubSpotView } from './shared/hubspot';
import type { SlackView } from './shared/slack';
import type { SavedWebhook, WebhookInput, WebhooksView } from './shared/webhooks';
import * as warehouse from './app/warehouse/settings';
import * as warehouseFigures from './app/warehouse/figures';
import * as connected from './app/warehouse/connected-sheets';

import type {
  ConnectedSheetsResult,
  WarehouseChainVerdict,
  WarehouseConfig,
  WarehouseFigures,
  WarehouseState,
} from './shared/api';

export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildAddonMenu(e);
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

/**
 * The one hourly time-driven trigger: continues an unfinished day's jobs, or starts today's once.
 * Returns the run's report (each job ok or its error): Apps Script ignores it, tests read it.
 */
export function onHourlyTrigger(e?: GoogleAppsScript.Events.TimeDriven): ScheduledRunReport {
  return runScheduledJobs(undefined, undefined, e?.triggerUid);
}

// ---- Partners, leads, import (issue 5) -------------------------------------------------------

export function getFormOptions(): FormOptions {
  return partners.getFormOptions();
}

export function savePartner(partner: PartnerInput): { id: string } {
  edge('savePartner', partner);
  return partners.savePartner(partner);
}

export function listPartners(filter?: PartnerFilter): Partner[] {
  edge('listPartners', filter);
  return partners.listPartners(filter);
}

export function getLead(id: string): Lead {
  edge('getLead', id);
  return leads.getLead(id);
}

export function listLeads(filter?: LeadFilter): Lead[] {
  edge('listLeads', filter);
  return leads.listLeads(filter);
}

export function pageLeads(query?: LeadPageQuery): Page<Lead> {
  edge('pageLeads', query);
  return leads.pageLeads(query);
}

export function pagePartners(query?: PartnerPageQuery): Page<Partner> {
  edge('pagePartners', query);
  return partners.pagePartners(query);
}

export function registerLead(lead: LeadInput): RegisterLeadResult {
  edge('registerLead', lead);
  return leads.registerLead(lead);
}

export function sendOwedMail(leadId: string): MailDelivery {
  edge('sendOwedMail', leadId);
  return owedMail.sendOwedMail(leadId);
}

export function reviewLead(id: string, decision: ReviewDecision, note?: string): Lead {
  edge('reviewLead', id, decision, note);
  return leads.reviewLead(id, decision, note);
}

export function closeLead(id: string, outcome: CloseOutcome, details?: CloseDetails): Lead {
  edge('closeLead', id, outcome, details);
  return leads.closeLead(id, outcome, details);
}

export function extendLead(id: string): Lead {
  edge('extendLead', id);
  return leads.extendLead(id);
}

export function previewImport(
  kind: ImportKind,
  csv: string,
  mapping?: Record<string, string>,
): ImportPreview {
  edge('previewImport', kind, csv, mapping);
  return importCsv.previewImport(kind, csv, mapping);
}

export function runImport(kind: ImportKind, csv: string, mapping?: Record<string, string>): ImportResult {
  edge('runImport', kind, csv, mapping);
  return importCsv.runImport(kind, csv, mapping);
}

export function showRegisterLead(): void {
  showPage('RegisterLead');
}

export function showPartners(): void {
  showPage('Partners');
}

export function showReviewLeads(): void {
  showPage('ReviewLeads');
}

export function showImport(): void {
  showPage('Import');
}

export function showDashboard(): void {
  dashboard.showDashboard();
}

// ---- Dashboard, scorecards and tiering (issue 16) ----------------------------------------------
import type { Dashboard, DashboardOptions, PartnerScorecard } from './shared/dashboard';

/** Menu "Refresh dashboard". */
export function menuRefreshDashboard(): dashboard.RefreshResult {
  return dashboard.menuRefreshDashboard();
}

/** Fills the Dashboard sheet (and its charts) for the period and currency chosen on it. */
export function refreshDashboard(): dashboard.RefreshResult {
  return dashboard.refreshDashboard();
}

export function getDashboard(options?: DashboardOptions): Dashboard {
  return dashboard.getDashboard(options);
}

export function getPartnerScorecard(partnerId: string, options?: DashboardOptions): PartnerScorecard {
  return dashboard.getPartnerScorecard(partnerId, options);
}

/** Menu "Partner scorecard", and the Partners page's Scorecard button (with the partner's id). */
export function showPartnerScorecard(partnerId?: string): void {
  showPage('PartnerScorecard', dashboard.scorecardPageData(partnerId));
}

// ---- Set-up and the audit log (issues 4 and 6) -------------------------------------------------
import * as audit from './app/audit/menu-handlers';
import { onChangeTrigger, onEditTrigger } from './app/triggers/entry';
import { runSelfTestWithAlert, runSelfTest as selfTest, type SelfTestReport } from './app/self-test';
import { getRowHistory as rowHistory } from './app/audit/history';
import { verifyAuditLog as verifyLog } from './app/audit/verify';
import type { SetupReport } from './app/setup/setup-tracker';
import { continueSetup as continueSetupRows, type SetupProgress } from './app/setup/continue-setup';
import type { AuditVerification, RowHistory } from './shared/api';

/** Menu "Set up tracker" (and callable): builds or repairs the workbook; returns what it did. */
export function setupTracker(): SetupReport {
  return audit.setupWithMessage();
}

/** The set-up progress dialog's call: adopts the next chunks of existing rows; returns the progress. */
export function continueSetup(): SetupProgress {
  return continueSetupRows();
}

/** Installable edit trigger: audits a person's edit, then runs the features' edit reactions. */
export function onTrackerEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  onEditTrigger(e);
}

/** Installable change trigger: rows inserted/deleted by a person (audit + shadow realignment). */
export function onTrackerChange(e: { changeType?: string }): void {
  onChangeTrigger(e);
}

export function verifyAuditLog(): AuditVerification {
  return verifyLog();
}

export function menuVerifyAuditLog(): AuditVerification {
  return audit.verifyWithAlert();
}

export function getRowHistory(): RowHistory {
  return rowHistory();
}

export function showRowHistory(): void {
  showPage('RowHistory');
}

export function showHelp(): void {
  showPage('Help');
}

/** Help > Run self-test (the owner's): each service and permission checked on this document. */
export function runSelfTest(): SelfTestReport {
  return selfTest();
}

export function menuRunSelfTest(): SelfTestReport {
  return runSelfTestWithAlert();
}

// ---- Commissions, plans and payouts (issue 7) ------------------------------------------------

export function savePlan(plan: PlanInput, options?: SavePlanOptions): { id: string; effectiveFrom: string } {
  edge('savePlan', plan, options);
  return plans.savePlan(sidebarChange(), plan, options);
}

export function recalculateCommissions(options: RecalculateOptions): RecalculateResult {
  edge('recalculateCommissions', options);
  return plans.recalculateCommissions(options?.preview ? sidebarContext() : sidebarChange(), options);
}

export function listPlans(): PlanInput[] {
  return plans.listPlans(sidebarContext());
}

export function runCommissions(): ReturnType<ServerApi['runCommissions']> {
  return commissions.runCommissions(sidebarChange());
}

// ---- Exchange rates (issue 15) ----------------------------------------------------------------

export function saveExchangeRates(rates: ExchangeRateInput[]): ExchangeRates {
  edge('saveExchangeRates', rates);
  return money.saveExchangeRates(sidebarChange(), rates);
}

export function importExchangeRates(csv: string): ExchangeRates {
  edge('importExchangeRates', csv);
  return money.importExchangeRates(sidebarChange(), csv);
}

export function listExchangeRates(): ExchangeRates {
  return money.listExchangeRates(sidebarContext());
}

export function listNotComputed(): NotComputed[] {
  return commissions.listNotComputed(sidebarContext());
}

export function listCommissions(filter?: CommissionFilter): Commission[] {
  edge('listCommissions', filter);
  return commissions.listCommissions(sidebarContext(), filter);
}

export function approveCommissions(ids: string[]): { approved: number } {
  edge('approveCommissions', ids);
  return commissions.approveCommissions(sidebarChange(), ids);
}

export function rejectCommissions(ids: string[], reason: string): { rejected: number } {
  edge('rejectCommissions', ids, reason);
  return commissions.rejectCommissions(sidebarChange(), ids, reason);
}

export function showCommissions(): void {
  showPage('Commissions');
}

export function showPlans(): void {
  showPage('Plans');
}

export function createPayouts(throughDate: string): Payout[] {
  edge('createPayouts', throughDate);
  return payouts.createPayouts(sidebarChange(), throughDate);
}

export function pageCommissions(query?: CommissionPageQuery): Page<Commission> {
  edge('pageCommissions', query);
  return commissions.pageCommissions(sidebarContext(), query);
}

export function listPayouts(): Payout[] {
  return payouts.listPayouts(sidebarContext());
}

export function approvePayout(id: string): Payout {
  edge('approvePayout', id);
  return payouts.approvePayout(sidebarChange(), id);
}

export function markPayoutPaid(id: string, reference: string, paidOn: string): Payout {
  edge('markPayoutPaid', id, reference, paidOn);
  return payouts.markPayoutPaid(sidebarChange(), id, reference, paidOn);
}

export function exportPayouts(ids: string[], format: PayoutExportFormat): FileDownload {
  edge('exportPayouts', ids, format);
  return payouts.exportPayouts(sidebarContext(), ids, format);
}

// ---- Integrations (issue 18) -------------------------------------------------------------------

export function saveWebhook(input: WebhookInput): SavedWebhook {
  edge('saveWebhook', input);
  return webhooks.saveWebhook(sidebarChange(), input);
}

export function listWebhooks(): WebhooksView {
  return webhooks.listWebhooks(sidebarContext());
}

export function deleteWebhook(id: string): { deleted: string } {
  edge('deleteWebhook', id);
  return webhooks.deleteWebhook(sidebarChange(), id);
}

export function testWebhook(id: string): WebhooksView {
  edge('testWebhook', id);
  return webhooks.testWebhook(sidebarChange(), id);
}

export function connectSlack(input: { url: string }): SlackView {
  edge('connectSlack', input);
  return slack.connectSlack(sidebarChange(), input);
}

export function disconnectSlack(): SlackView {
  return slack.disconnectSlack(sidebarChange());
}

export function getSlack(): SlackView {
  return slack.getSlack(sidebarContext());
}

export function connectHubSpot(input: { token: string }): HubSpotView {
  edge('connectHubSpot', input);
  return hubspot.connectHubSpot(sidebarChange(), input);
}

export function disconnectHubSpot(): HubSpotView {
  return hubspot.disconnectHubSpot(sidebarChange());
}

export function getHubSpot(): HubSpotView {
  return hubspot.getHubSpot(sidebarContext());
}

export function showIntegrations(): void {
  showPage('Integrations');
}

// ---- Partner access: views, registration links (issue 17) ------------------------------------
import * as access from './app/partners/access';
import * as mailStatus from './app/notifications/mail-status';
import type { PartnerLinks, PartnerMailStatus, StatementsReport, ViewsReport } from './shared/api';

/** A partner's own links: `{viewUrl, formUrl}` (the owner and the Team only). */
export function getPartnerLinks(partnerId: string): PartnerLinks {
  edge('getPartnerLinks', partnerId);
  return access.getPartnerLinks(sidebarContext(), partnerId);
}

/** A new registration link for the partner; the old one is refused from now on. */
export function rotatePartnerLink(partnerId: string): PartnerLinks {
  edge('rotatePartnerLink', partnerId);
  return access.rotatePartnerLink(sidebarChange(), partnerId);
}

/** Makes or updates one partner's view file now (the owner's), showing their current link. */
export function refreshPartnerView(partnerId: string): PartnerLinks {
  edge('refreshPartnerView', partnerId);
  return access.refreshPartnerViewNow(sidebarChange(), partnerId);
}

/** Partner e-mail updates waiting to be sent, and those the tracker could not keep (the Team's). */
export function getPartnerMailStatus(): PartnerMailStatus {
  return mailStatus.getPartnerMailStatus(sidebarContext());
}

/** Dismisses the partner e-mail updates not kept that the Partners page showed (its `notKeptThrough`). */
export function dismissMailNotKept(through: number): PartnerMailStatus {
  edge('dismissMailNotKept', through);
  return mailStatus.dismissMailNotKept(sidebarChange(), through);
}

/** Sends the partners' statements of the month so far now (within the day's mail quota; the rest queued). */
export function sendStatements(): StatementsReport {
  return access.sendStatementsNow(sidebarChange());
}

/** Refreshes the partners' view files now (the owner's; the hourly run does it otherwise). */
export function refreshPartnerViews(): ViewsReport {
  return access.refreshPartnerViewsNow(sidebarChange());
}

// ---- Warehouse: the opt-in BigQuery mirror (issue 22) ------------------------------------------

export function showWarehouse(): void {
  showPage('Warehouse');
}

export function getWarehouse(): WarehouseState {
  return warehouse.getWarehouse();
}

export function saveWarehouse(config: WarehouseConfig | null): WarehouseState {
  edge('saveWarehouse', config);
  return warehouse.saveWarehouse(config);
}

export function verifyWarehouseChain(): WarehouseChainVerdict {
  return warehouse.verifyWarehouseChain();
}

export function connectWarehouseSheets(): ConnectedSheetsResult {
  return connected.connectWarehouseSheets();
}

export function getWarehouseFigures(): WarehouseFigures {
  return warehouseFigures.getWarehouseFigures();
}
