/**
 * Set up tracker: turns any workbook (empty, or holding the user's partner sheets) into the tracker,
 * never losing what was there. Everything is read and checked first; if a sheet with a tracker name
 * cannot be adopted, nothing at all is written. Otherwise it creates the missing sheets, completes the
 * adopted ones, sets validation, protection, formats and triggers where missing, gives ids to rows
 * without one (recorded in the audit log as source "setup") and reports invalid rows. Safe to run again.
 */
import { encodeShadow } from '../../domain/audit/shadow';
import { sessionActor } from '../../sheets/actor';
import { TrackerDocument, findShadowSheet } from '../../sheets/document';
import { highlightCells } from '../../sheets/highlight';
import { SHADOW_SHEET_NAME, TRACKED_SHEETS, type SheetKey } from '../../sheets/schema';
import { settingsFrom } from '../../sheets/settings-reader';
import {
  applyProtection,
  applyValidation,
  completeSheet,
  ensureShadowSheet,
  fillSettings,
  leadFormats,
  referenceRanges,
  type BuiltSheet,
} from '../../sheets/setup/build';
import { conflictMessage, inspectWorkbook } from '../../sheets/setup/inspect';
import { cellProblem } from '../../sheets/setup/row-check';
import { writeShadowColumn } from '../../sheets/shadow-sheet';
import { ownerEmail, syncTeamProtections } from '../../sheets/team';
import { installTriggers } from '../../sheets/trigger-install';
import { AppContext } from '../context';
import { SCHEDULED_HANDLER, ensureScheduledTrigger } from '../triggers/daily';

export interface SetupReport {
  ok: boolean;
  message: string;
  created: string[];
  adopted: string[];
  repaired: string[];
  idsGiven: number;
  invalidRows: Array<{ sheet: string; row: number; problems: string[] }>;
  triggersInstalled: string[];
}

export function setupTracker(doc: TrackerDocument = new TrackerDocument()): SetupReport {
  const ss = doc.ss;
  const report: SetupReport = {
    ok: true,
    message: '',
    created: [],
    adopted: [],
    repaired: [],
    idsGiven: 0,
    invalidRows: [],
    triggersInstalled: [],
  };
  doc.lock();
  new AppContext(doc, sessionActor(), 'setup').authorize();
  const owner = ownerEmail(doc);
  const plan = inspectWorkbook(ss);
  if (plan.conflicts.length) return { ...report, ok: false, message: conflictMessage(plan.conflicts) };

  const built = new Map<SheetKey, BuiltSheet>();
  const existingValues = new Map<SheetKey, unknown[][]>();
  plan.sheets.forEach((p, index) => {
    if (p.action === 'create') {
      built.set(p.def.key, completeSheet(ss, p.def, null, index));
      report.created.push(p.def.name);
      return;
    }
    existingValues.set(p.def.key, p.values);
    const width = p.values[0]?.length ?? 0;
    const b = completeSheet(
      ss,
      p.def,
      { sheet: p.sheet, cols: p.cols, width, hasMetadata: p.hasMetadata },
      index,
    );
    built.set(p.def.key, b);
    if (!p.empty && p.hasMetadata.size === 0) report.adopted.push(p.sheet.getName());
    report.repaired.push(...b.repaired.map((r) => `${p.sheet.getName()}: ${r}`));
  });

  const settings = built.get('settings')!;
  const settingsValues = existingValues.get('settings') ?? [[]];
  report.repaired.push(...fillSettings(ss, settings, settingsValues, owner).map((r) => `Settings: ${r}`));
  const team = settingsValues
    .slice(1)
    .map((row) => String(row[settings.cols.team - 1] ?? '').trim())
    .filter((email) => email !== '');
  referenceRanges(ss, built.get('partners'), built.get('plans'));
  const fresh = new Set<string>();
  for (const b of built.values()) {
    applyValidation(ss, b);
    const added = applyProtection(b);
    added.forEach((d) => fresh.add(d));
    if (!b.created && added.length) report.repaired.push(...added.map((d) => `protection ${d}`));
  }
  if (leadFormats(built.get('leads')!) && !built.get('leads')!.created)
    report.repaired.push('Leads: conditional formats');
  const shadow = ensureShadowSheet(ss, findShadowSheet(ss));
  if (shadow.created) report.created.push(shadow.sheet.getName());
  for (const d of syncTeamProtections(ss, owner, team.length ? team : [owner])) {
    if (!fresh.has(d) && !(shadow.created && d.endsWith(SHADOW_SHEET_NAME)))
      report.repaired.push(`protection editors of ${d} (owner and Team)`);
  }

  doc.refreshLayout();
  const ctx = new AppContext(doc, sessionActor(), 'setup');
  if (shadow.created) fillShadow(ctx);
  giveIds(ctx, report);
  checkRows(ctx, report);
  ctx.commit();
  report.triggersInstalled = installTriggers(ss);
  if (ensureScheduledTrigger(ss)) report.triggersInstalled.push(SCHEDULED_HANDLER);
  doc.flushProperties();
  report.message = summary(report);
  return report;
}

/** A new shadow: every existing row of the tracked sheets (one write per sheet). */
function fillShadow(ctx: AppContext): void {
  for (const key of TRACKED_SHEETS) {
    const table = ctx.table(key);
    const keys = table.keys().slice(1);
    const rows = table.rows();
    if (!rows.length) continue;
    const cells = new Array<string>(rows[rows.length - 1].row - 1).fill('');
    for (const r of rows)
      cells[r.row - 2] = encodeShadow(
        keys,
        keys.map((k) => r.record[k]),
      );
    writeShadowColumn(ctx.doc, key, cells, cells.length + 1);
  }
}

function giveIds(ctx: AppContext, report: SetupReport): void {
  for (const key of ['partners', 'leads', 'plans'] as const) {
    const table = ctx.table(key);
    const spec = table.def.id!;
    const identifying = table.def.identifying;
    let next = Number(table.nextId().slice(spec.prefix.length));
    for (const { row, record } of table.rows()) {
      if (String(record[spec.column] ?? '') !== '' || String(record[identifying] ?? '') === '') continue;
      table.update(row, { [spec.column]: `${spec.prefix}${String(next++).padStart(spec.digits, '0')}` });
      report.idsGiven++;
    }
  }
}

function checkRows(ctx: AppContext, report: SetupReport): void {
  const settings = settingsFrom(ctx.table('settings'));
  const partnerIds = new Set(
    ctx
      .table('partners')
      .rows()
      .map((r) => String(r.record.partnerId)),
  );
  const planNames = new Set(
    ctx
      .table('plans')
      .rows()
      .map((r) => String(r.record.planName)),
  );
  const checkCtx = { lists: settings.lists, partnerIds, planNames };
  for (const key of ['partners', 'leads'] as const) {
    const table = ctx.table(key);
    const bad: Array<{ row: number; col: number }> = [];
    for (const { row, record } of table.rows()) {
      const problems: string[] = [];
      for (const column of table.def.columns) {
        const problem = cellProblem(column, record[column.key], checkCtx);
        if (problem) {
          problems.push(problem);
          bad.push({ row, col: table.layout.cols[column.key] });
        }
      }
      if (problems.length) report.invalidRows.push({ sheet: table.name, row, problems });
    }
    highlightCells(table.sheet, bad);
  }
}

function summary(report: SetupReport): string {
  const parts: string[] = [];
  if (report.created.length) parts.push(`created ${report.created.join(', ')}`);
  if (report.adopted.length) parts.push(`adopted ${report.adopted.join(', ')}`);
  if (report.repaired.length) parts.push(`repaired ${report.repaired.length} item(s)`);
  if (report.idsGiven) parts.push(`gave ids to ${report.idsGiven} row(s)`);
  if (report.invalidRows.length)
    parts.push(`${report.invalidRows.length} row(s) need attention (highlighted)`);
  if (report.triggersInstalled.length)
    parts.push(`installed triggers ${report.triggersInstalled.join(', ')}`);
  return parts.length
    ? `Set-up done: ${parts.join('; ')}.`
    : 'The tracker is already set up: nothing to change.';
}
