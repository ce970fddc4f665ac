/**
 * Set up tracker: turns any workbook (empty, or holding the user's partner sheets) into the tracker,
 * never losing what was there. Everything is read and checked first; if a sheet with a tracker name
 * cannot be adopted, nothing at all is written. Otherwise it creates the missing sheets, completes the
 * adopted ones, sets validation, protection, formats and triggers where missing, gives ids to rows
 * without one (recorded in the audit log as source "setup") and reports invalid rows. Safe to run again.
 */
import { encodeShadow } from '../../domain/audit/shadow';
import { sessionActor } from '../../sheets/actor';
import { TrackerDocument } from '../../sheets/document';
import { highlightCells } from '../../sheets/highlight';
import type { Layout } from '../../sheets/layout';
import { TRACKED_SHEETS, type SheetKey } from '../../sheets/schema';
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
import { workbookProtections } from '../../sheets/setup/protect';
import { cellProblem } from '../../sheets/setup/row-check';
import { writeShadowColumn } from '../../sheets/shadow-sheet';
import { ownerEmail, syncTeamProtections, wantedEditors } from '../../sheets/team';
import { installTriggers } from '../../sheets/trigger-install';
import { AppContext } from '../context';
import { SCHEDULED_HANDLER, ensureScheduledTrigger } from '../triggers/daily';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

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

  const protections = workbookProtections(ss);
  const have = new Set(protections.map((p) => p.description));
  const built = new Map<SheetKey, BuiltSheet>();
  plan.sheets.forEach((p, index) => {
    if (p.action === 'create') {
      built.set(p.def.key, completeSheet(ss, p.def, null, index));
      report.created.push(p.def.name);
      return;
    }
    const b = completeSheet(ss, p.def, p, index);
    built.set(p.def.key, b);
    if (!p.empty && p.hasMetadata.size === 0) report.adopted.push(p.sheet.getName());
    report.repaired.push(...b.repaired.map((r) => `${p.sheet.getName()}: ${r}`));
  });

  const settings = built.get('settings')!;
  const named = new Map<string, GoogleAppsScript.Spreadsheet.Range>();
  report.repaired.push(...fillSettings(ss, settings, owner, named).map((r) => `Settings: ${r}`));
  const listed = settings.values
    .slice(1)
    .map((row) => String(row[settings.cols.team - 1] ?? '').trim())
    .filter((email) => email !== '');
  const team = listed.length ? listed : [owner];
  const editors = (description: string) => wantedEditors(description, owner, team);
  referenceRanges(ss, built.get('partners'), built.get('plans'), named);
  const lookup = (name: string) => named.get(name) ?? null;
  for (const b of built.values()) {
    const rules = applyValidation(b, lookup);
    if (rules.length) report.repaired.push(`${b.sheet.getName()}: validation ${rules.join(', ')}`);
    const added = applyProtection(b, have, editors);
    if (!b.created && added.length) report.repaired.push(...added.map((d) => `protection ${d}`));
  }
  if (leadFormats(built.get('leads')!) && !built.get('leads')!.created)
    report.repaired.push('Leads: conditional formats');
  const tracked = [...built.values()].filter((b) => b.def.tracked);
  const shadowRows = Math.max(...tracked.map((b) => b.values.length));
  const shadow = ensureShadowSheet(ss, plan.shadow, have, editors, shadowRows);
  if (shadow.created) report.created.push(shadow.sheet.getName());
  // The protections that were there before (new ones were given the owner and the Team already).
  for (const d of syncTeamProtections(ss, owner, team, protections))
    report.repaired.push(`protection editors of ${d} (owner and Team)`);

  doc.useLayout(layoutOf(built, shadow), [...[...built.values()].map((b) => b.sheet), shadow.sheet]);
  const ctx = new AppContext(doc, sessionActor(), 'setup');
  for (const [key, b] of built) if (b.def.columns.length) ctx.table(key).load(b.values);
  giveIds(ctx, report);
  if (shadow.created) fillShadow(ctx);
  checkRows(ctx, report);
  ctx.commit();
  report.triggersInstalled = installTriggers(ss);
  if (ensureScheduledTrigger(ss)) report.triggersInstalled.push(SCHEDULED_HANDLER);
  doc.flushProperties();
  report.message = summary(report);
  return report;
}

/** The layout from what set-up read and wrote (the workbook is not asked again). */
function layoutOf(
  built: ReadonlyMap<SheetKey, BuiltSheet>,
  shadow: { sheet: Sheet; maxRows: number },
): Layout {
  const layout: Layout = { v: 1, sheets: {}, shadow: null };
  for (const [key, b] of built) {
    const header = b.values[0] ?? [];
    const taken = new Set(Object.values(b.cols));
    const extras: Record<string, number> = {};
    header.forEach((h, i) => {
      const text = String(h ?? '').trim();
      if (text && !taken.has(i + 1)) extras[`#${text}`] = i + 1;
    });
    layout.sheets[key] = {
      id: b.sheet.getSheetId(),
      name: b.sheet.getName(),
      width: Math.max(header.length, ...Object.values(b.cols), 0),
      maxRows: b.maxRows,
      cols: { ...b.cols },
      extras,
    };
  }
  const cols: Partial<Record<SheetKey, number>> = {};
  TRACKED_SHEETS.forEach((key, i) => (cols[key] = i + 1));
  layout.shadow = {
    id: shadow.sheet.getSheetId(),
    name: shadow.sheet.getName(),
    maxRows: shadow.maxRows,
    cols,
  };
  return layout;
}

/** A new shadow: every existing row of the tracked sheets, ids just given included (one write per sheet). */
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
