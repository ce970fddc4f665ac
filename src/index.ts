/**
 * The add-on's public surface. Every export becomes a top-level function in dist/Code.js
 * (triggers, menu handlers, google.script.run endpoints). A few lines each, no logic.
 */
import { buildAddonMenu } from './app/menu';
// Every execution first finishes what a dead one left (a journal, an unrecorded edit): registered here.
import './app/audit/finish-pending';
import * as dashboard from './app/dashboard';
import * as importCsv from './app/import';
import * as leads from './app/leads';
import { showPage } from './app/pages';
import * as partners from './app/partners';
import type {
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
  RegisterLeadResult,
  ReviewDecision,
} from './shared/api';
import * as commissions from './app/commissions';
import { sidebarChange, sidebarContext } from './app/commissions/sidebar-context';
import * as payouts from './app/payouts';
import * as plans from './app/plans';
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
export function onHourlyTrigger(_e?: GoogleAppsScript.Events.TimeDriven): ScheduledRunReport {
  return runScheduledJobs();
}

// ---- Partners, leads, import (issue 5) -------------------------------------------------------

export function getFormOptions(): FormOptions {
  return partners.getFormOptions();
}

export function savePartner(partner: PartnerInput): { id: string } {
  return partners.savePartner(partner);
}

export function listPartners(filter?: PartnerFilter): Partner[] {
  return partners.listPartners(filter);
}

export function getLead(id: string): Lead {
  return leads.getLead(id);
}

export function listLeads(filter?: LeadFilter): Lead[] {
  return leads.listLeads(filter);
}

export function registerLead(lead: LeadInput): RegisterLeadResult {
  return leads.registerLead(lead);
}

export function reviewLead(id: string, decision: ReviewDecision, note?: string): Lead {
  return leads.reviewLead(id, decision, note);
}

export function closeLead(id: string, outcome: CloseOutcome, details?: CloseDetails): Lead {
  return leads.closeLead(id, outcome, details);
}

export function extendLead(id: string): Lead {
  return leads.extendLead(id);
}

export function previewImport(
  kind: ImportKind,
  csv: string,
  mapping?: Record<string, string>,
): ImportPreview {
  return importCsv.previewImport(kind, csv, mapping);
}

export function runImport(kind: ImportKind, csv: string, mapping?: Record<string, string>): ImportResult {
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

export function savePlan(plan: PlanInput): { id: string } {
  return plans.savePlan(sidebarChange(), plan);
}

export function listPlans(): PlanInput[] {
  return plans.listPlans(sidebarContext());
}

export function runCommissions(): ReturnType<ServerApi['runCommissions']> {
  return commissions.runCommissions(sidebarChange());
}

export function listCommissions(filter?: CommissionFilter): Commission[] {
  return commissions.listCommissions(sidebarContext(), filter);
}

export function approveCommissions(ids: string[]): { approved: number } {
  return commissions.approveCommissions(sidebarChange(), ids);
}

export function rejectCommissions(ids: string[], reason: string): { rejected: number } {
  return commissions.rejectCommissions(sidebarChange(), ids, reason);
}

export function showCommissions(): void {
  showPage('Commissions');
}

export function createPayouts(throughDate: string): Payout[] {
  return payouts.createPayouts(sidebarChange(), throughDate);
}

export function listPayouts(): Payout[] {
  return payouts.listPayouts(sidebarContext());
}

export function approvePayout(id: string): Payout {
  return payouts.approvePayout(sidebarChange(), id);
}

export function markPayoutPaid(id: string, reference: string, paidOn: string): Payout {
  return payouts.markPayoutPaid(sidebarChange(), id, reference, paidOn);
}

export function exportPayouts(ids: string[], format: PayoutExportFormat): FileDownload {
  return payouts.exportPayouts(sidebarContext(), ids, format);
}

// ---- Warehouse: the opt-in BigQuery mirror (issue 22) ------------------------------------------

export function showWarehouse(): void {
  showPage('Warehouse');
}

export function getWarehouse(): WarehouseState {
  return warehouse.getWarehouse();
}

export function saveWarehouse(config: WarehouseConfig | null): WarehouseState {
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
