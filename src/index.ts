/**
 * The add-on's public surface. Every export becomes a top-level function in dist/Code.js
 * (triggers, menu handlers, google.script.run endpoints). A few lines each, no logic.
 */
import { buildAddonMenu } from './app/menu';
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
import { runScheduledJobs } from './app/triggers/daily';

export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildAddonMenu(e);
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

/** The one hourly time-driven trigger: continues an unfinished day's jobs, or starts today's once. */
export function onHourlyTrigger(_e?: GoogleAppsScript.Events.TimeDriven): void {
  runScheduledJobs();
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
