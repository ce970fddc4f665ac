/**
 * CSV import of partners and leads. The dry run (previewImport) and the import (runImport) run the
 * same checks: the shared schema with the Settings lists, rows repeated within the file, then each
 * row against the tracker as read once (partner names; for leads, partner status, duplicates and
 * conflicts, each accepted row joining the index so later rows see it). The preview writes nothing;
 * the import writes the valid rows in one batch through the audited writer (source "import"). Each
 * imported lead is made Submitted by the lead transition rule (through the Registrar, as
 * registerLead), and what its events call for is followed through the same hook (a deal's
 * reconcile: none for a new lead), except the partner's email: imported leads send no "registration
 * received" email (an import moves registrations a partner made elsewhere, and a burst of hundreds
 * of emails would only fill the day's quota).
 */
import type { ImportKind, ImportPreview, ImportResult, ImportRowReport } from '../../shared/api';
import { planLeadImport, planPartnerImport } from '../../domain/import';
import { dealChangeOf, type LeadEvent } from '../../domain/leads';
import { messages } from '../../shared/schema';
import { markLedgerDirty } from '../commissions/ledger-state';
import type { AppContext } from '../context';
import { stageDealChange } from '../leads/deal-changes';
import { Registrar } from '../leads/registrar';
import { changeContext, userContext } from '../leads/request';
import { fail } from '../user-error';
import { TrackerData } from '../leads/tracker-data';

import { partnerConflicts, putPartner } from '../partners/save';

const KINDS: readonly ImportKind[] = ['partners', 'leads'];

export const importCsvMessages = {
  empty: () => 'The CSV file is empty: it needs a header row and at least one row',
} as const;

interface Request {
  kind: ImportKind;
  csv: string;
  mapping?: Record<string, string>;
}

function request(kind: unknown, csv: unknown, mapping: unknown): Request {
  if (typeof kind !== 'string' || !(KINDS as readonly string[]).includes(kind))
    fail(messages.notOneOf('Import', String(kind ?? ''), KINDS));
  if (typeof csv !== 'string' || csv.trim() === '') fail(importCsvMessages.empty());
  const map =
    mapping && typeof mapping === 'object' && !Array.isArray(mapping)
      ? Object.fromEntries(
          Object.entries(mapping as Record<string, unknown>).map(([k, v]) => [k, String(v ?? '')]),
        )
      : undefined;
  return { kind: kind as ImportKind, csv, mapping: map };
}

/** Checks every row and applies the valid ones to the tables in memory (written only by runImport's commit). */
function check(ctx: AppContext, data: TrackerData, req: Request) {
  const lists = data.formOptions(req.kind === 'partners');
  const ids: string[] = [];
  const refuse = (row: ImportRowReport, errors: readonly string[]) => {
    row.ok = false;
    row.errors.push(...errors);
  };
  if (req.kind === 'partners') {
    const plan = planPartnerImport({ csv: req.csv, mapping: req.mapping, lists });
    const rows = new Map(plan.preview.rows.map((r) => [r.line, r]));
    for (const { line, value } of plan.valid) {
      const problems = partnerConflicts(value, data.partners);
      if (problems.length) refuse(rows.get(line)!, problems);
      else ids.push(putPartner(ctx, data, value));
    }
    return { preview: plan.preview, ids, events: [] };
  }
  const plan = planLeadImport({ csv: req.csv, mapping: req.mapping, lists });
  const rows = new Map(plan.preview.rows.map((r) => [r.line, r]));
  const registrar = new Registrar(data);
  const events: LeadEvent[] = [];
  for (const { line, value } of plan.valid) {
    const row = rows.get(line)!;
    const checked = registrar.check(value);
    row.conflicts.push(...checked.conflicts.map((c) => c.reason));
    if (!checked.ok) refuse(row, checked.errors);
    else {
      const registration = registrar.add(checked);
      ids.push(registration.id);
      events.push(...registration.events);
    }
  }
  return { preview: plan.preview, ids, events };
}

function counted(preview: ImportPreview): ImportPreview {
  const valid = preview.rows.filter((r) => r.ok).length;
  return { ...preview, valid, invalid: preview.rows.length - valid };
}

export function previewImport(kind: unknown, csv: unknown, mapping: unknown): ImportPreview {
  const req = request(kind, csv, mapping);
  const ctx = userContext('import');
  return counted(check(ctx, new TrackerData(ctx), req).preview);
}

export function runImport(kind: unknown, csv: unknown, mapping: unknown): ImportResult {
  const req = request(kind, csv, mapping);
  const ctx = changeContext('import');
  const data = new TrackerData(ctx);
  const { preview, ids, events } = check(ctx, data, req);
  stageDealChange(ctx, dealChangeOf(events));
  // An import of leads is one of the ledger's inputs the next daily job checks in full (ledger-state.ts).
  if (ids.length && req.kind === 'leads') markLedgerDirty(ctx.doc);
  if (ids.length) ctx.commit();
  const result = counted(preview);
  return { imported: ids.length, skipped: result.invalid, ids, rows: result.rows };
}
