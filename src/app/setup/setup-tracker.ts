/**
 * Set up tracker: turns any workbook (empty, or holding the user's partner sheets) into the tracker,
 * never losing what was there. The sheets are inspected first (header rows and row counts; small
 * sheets whole); if a sheet with a tracker name cannot be adopted, nothing at all is written.
 * Otherwise it creates the missing sheets, completes the adopted ones, sets validation, protection,
 * formats and triggers where missing, then adopts the existing rows (ids to rows without one,
 * recorded in the audit log as source "setup"; shadow; validation of their rows; invalid rows
 * reported) as far as its time budget allows. Rows left over are adopted by `continueSetup` (the
 * progress dialog) or the hourly trigger, from a checkpoint (see adopt.ts). Safe to run again; run
 * while rows are still being adopted, it continues them.
 */
import { LAYOUT_PROPERTY } from '../../sheets/layout';
import { ensureAuditKey } from '../../sheets/audit-key';
import { readTail } from '../../sheets/audit-sheet';
import { sessionActor } from '../../sheets/actor';
import { TrackerDocument } from '../../sheets/document';
import type { Layout } from '../../sheets/layout';
import { TRACKED_SHEETS, type SheetKey } from '../../sheets/schema';
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
import { extendRows } from '../../sheets/setup/extend';
import { protectMoneySettings, strictenSheetProtections } from '../../sheets/setup/money-protections';
import { PROTECTION_PREFIX, workbookProtections, type KnownProtection } from '../../sheets/setup/protect';
import { UNKNOWN_USER } from '../../domain/audit/entry';
import { assertOwner, ownerEmail, syncTeamProtections, wantedEditors } from '../../sheets/team';
import { ensureTriggers, triggerMemory } from '../../sheets/triggers';
import { markLedgerDirty } from '../commissions/ledger-state';
import { AppContext } from '../context';
import { SCHEDULE_PROPERTY, parseScheduleState } from '../triggers/daily';
import { adoptRows, shadowColumnsOf } from './adopt';
import {
  ADOPTION_LIMITS_PROPERTY,
  ADOPTION_PROPERTY,
  adoptionLimits,
  count,
  parseAdoption,
  type AdoptionState,
  type InvalidRow,
  type SheetAdoption,
} from './adoption-state';
import { continueAdoption, type SetupProgress } from './continue-setup';
import { dashboardAfterSetup } from '../dashboard/jobs';
import { dashboardState } from '../../sheets/dashboard-sheet';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface SetupReport {
  ok: boolean;
  message: string;
  created: string[];
  adopted: string[];
  repaired: string[];
  idsGiven: number;
  invalidRows: InvalidRow[];
  triggersInstalled: string[];
  /** Triggers that could not be installed: what happened and what the person can do. */
  triggerProblems: string[];
  /** Rows still to adopt (continueSetup or the hourly trigger goes on): data rows done of all. */
  pending?: { done: number; total: number };
}

/** Sheets whose rows get ids (when they have none) and are checked against validation. */
const ID_SHEETS: ReadonlySet<SheetKey> = new Set<SheetKey>(['partners', 'leads', 'plans']);
const CHECKED_SHEETS: ReadonlySet<SheetKey> = new Set<SheetKey>(['partners', 'leads']);

export function setupTracker(
  doc: TrackerDocument = new TrackerDocument(undefined, { writes: true }),
): SetupReport {
  const startedAt = Date.now();
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
    triggerProblems: [],
  };
  const actor = sessionActor();
  // Set-up is the owner's (it edits protections and installs triggers): a team member is told so.
  try {
    assertOwner(doc, actor.email === UNKNOWN_USER ? '' : actor.email);
  } catch (err) {
    return { ...report, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  new AppContext(doc, actor, 'setup').authorize();
  if (parseAdoption(doc.property(ADOPTION_PROPERTY)))
    return fromProgress(report, continueAdoption(doc, actor));
  const limits = adoptionLimits(doc.property(ADOPTION_LIMITS_PROPERTY));
  const owner = ownerEmail(doc);
  const plan = inspectWorkbook(ss, limits.chunkRows);
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
    // The Dashboard holds only what the tracker writes: nothing of it is adopted.
    if (!p.empty && p.hasMetadata.size === 0 && p.def.columns.length) report.adopted.push(p.sheet.getName());
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
  const chunkedRules = new Map<SheetKey, string[]>();
  for (const [key, b] of built) {
    // A sheet adopted in chunks gets its rules row block by row block (with its rows).
    const chunked = !b.whole && b.lastRow >= 2;
    const rules = applyValidation(b, lookup, !chunked);
    if (chunked) chunkedRules.set(key, rules.set);
    if (rules.repaired.length)
      report.repaired.push(`${b.sheet.getName()}: validation ${rules.repaired.join(', ')}`);
    const added = applyProtection(b, have, editors);
    if (!b.created && added.length) report.repaired.push(...added.map((d) => `protection ${d}`));
  }
  const moneySettings = protectMoneySettings(settings, have, editors);
  if (!settings.created) report.repaired.push(...moneySettings.map((d) => `protection ${d}`));
  report.repaired.push(
    ...strictenSheetProtections(protections).map((d) => `protection ${d} (not warning-only)`),
  );
  if (leadFormats(built.get('leads')!) && !built.get('leads')!.created)
    report.repaired.push('Leads: conditional formats');
  const tracked = [...built.values()].filter((b) => b.def.tracked);
  const shadowRows = Math.max(...tracked.map((b) => Math.max(b.values.length, b.lastRow)));
  // A set-up never finished (no commit stored the layout): an existing shadow is completed too.
  const unfinished = doc.property(LAYOUT_PROPERTY) === null;
  const shadow = ensureShadowSheet(ss, plan.shadow, have, editors, shadowRows, unfinished);
  if (shadow.created) report.created.push(shadow.sheet.getName());
  // The protections that were there before (new ones were given the owner and the Team already).
  for (const d of syncTeamProtections(ss, owner, team, protections))
    report.repaired.push(`protection editors of ${d} (owner and Team)`);

  // A shadow no set-up ever finished writing (one died after creating it) is filled like a new one.
  const fillShadow = shadow.created || unfinished;
  doc.useLayout(layoutOf(built, shadow), [...[...built.values()].map((b) => b.sheet), shadow.sheet]);
  // The audit chain's key, kept where no person can read it (sheets/audit-key.ts): made before any
  // row is adopted, since it also seals every shadow cell (sheets/shadow-seals.ts).
  ensureAuditKey(doc, readTail(doc).hash);
  // Rows a sheet gained without being set up (grown before the tracker extended what it adds, or
  // added by a person at the bottom): given what the first rows have.
  for (const [key, b] of built) {
    const from = uncoveredFrom(b, protections);
    if (from === null) continue;
    extendRows(doc, b.sheet, key, doc.layout().sheets[key]!, from, b.maxRows);
    report.repaired.push(`${b.sheet.getName()}: rows ${from} to ${b.maxRows} set up like the first rows`);
  }
  const state = adoptionOf(built, fillShadow, chunkedRules);
  shadowColumnsOf(doc, state);
  const known = new Map<SheetKey, unknown[][]>();
  for (const [key, b] of built) if (b.whole) known.set(key, b.values);
  if (state) {
    const run = adoptRows(doc, state, {
      actor,
      limits,
      timeLeftMs: () => limits.budgetMs - (Date.now() - startedAt),
      known,
      settings: settings.values,
    });
    report.idsGiven = run.idsGiven;
    report.invalidRows = run.invalidRows;
    if (!run.finished) report.pending = { done: state.done, total: state.total };
  }
  // The edit and change triggers compare edits with the shadow: installed once it is whole.
  const triggers = ensureTriggers(
    ss,
    report.pending ? ['hourly'] : ['edit', 'change', 'hourly'],
    triggerMemory(doc),
  );
  report.triggersInstalled = triggers.installed;
  report.triggerProblems = triggers.problems;
  if (report.pending) resumeHourly(doc);
  // The next daily job reconciles every partner (set-up may have adopted deals, plans and settings).
  markLedgerDirty(doc);
  doc.commit();
  // A new Dashboard of a workbook with no partners or leads yet is filled now (nothing to read); one
  // over adopted rows is filled by the daily run or Refresh dashboard (set-up reads each row once).
  const noRows = (key: SheetKey) => (built.get(key)?.lastRow ?? 0) < 2;
  // (a Dashboard a failed set-up made but did not finish, filled or charted, counts as new)
  const newDashboard = () =>
    report.created.includes('Dashboard') ||
    !dashboardState(doc)?.charts ||
    (doc.sheet('dashboard')?.getLastRow() ?? 1) === 0;
  if (!report.pending && noRows('partners') && noRows('leads') && newDashboard()) {
    const dashboard = dashboardAfterSetup(doc, actor);
    if ('error' in dashboard) report.repaired.push(`Dashboard: not filled (${dashboard.error})`);
  }
  report.message = summary(report);
  return report;
}

/**
 * The first row of a sheet set up before that its column protections do not reach (null: they
 * reach its last row, or it has none). One getRange per protection.
 */
function uncoveredFrom(b: BuiltSheet, known: readonly KnownProtection[]): number | null {
  if (b.created || !b.tagged || b.def.protection !== 'columns') return null;
  const descriptions = new Set(
    b.def.columns
      .filter((c) => c.protected && !c.ownerOnly)
      .map((c) => `${PROTECTION_PREFIX}${b.def.name} > ${c.header}`),
  );
  let end = b.maxRows;
  for (const { protection, description } of known) {
    if (!descriptions.has(description)) continue;
    const range = protection.getRange();
    end = Math.min(end, range.getRow() + range.getNumRows() - 1);
  }
  return end < b.maxRows ? end + 1 : null;
}

/** The rows to adopt: every sheet with rows that needs work per row (null: none). */
function adoptionOf(
  built: ReadonlyMap<SheetKey, BuiltSheet>,
  shadowCreated: boolean,
  chunkedRules: ReadonlyMap<SheetKey, string[]>,
): AdoptionState | null {
  const sheets: SheetAdoption[] = [];
  let total = 0;
  for (const [key, b] of built) {
    // A new sheet has no rows to adopt, but Settings' new rows need their shadow.
    if (!b.def.columns.length || (b.created && !(shadowCreated && b.def.tracked))) continue;
    const last = b.whole ? Math.max(b.values.length, b.lastRow) : b.lastRow;
    if (last < 2) continue;
    const sheet: SheetAdoption = {
      key,
      next: 2,
      last,
      nextId: null,
      ids: ID_SHEETS.has(key),
      check: CHECKED_SHEETS.has(key),
      shadow: shadowCreated && b.def.tracked,
      rules: chunkedRules.get(key) ?? [],
      formats: b.whole ? [] : b.addedColumns,
    };
    if (!sheet.ids && !sheet.check && !sheet.shadow && !sheet.rules.length && !sheet.formats.length) continue;
    sheets.push(sheet);
    total += last - 1;
  }
  if (!sheets.length) return null;
  // Sheets read whole first (adopted now, without another read), then those adopted in chunks.
  const whole = (key: SheetKey) => (built.get(key)!.whole ? 0 : 1);
  sheets.sort((a, b) => whole(a.key) - whole(b.key));
  return {
    v: 1,
    sheets,
    done: 0,
    total,
    idsGiven: 0,
    invalidCount: 0,
    invalidRows: [],
    triggers: true,
    runs: 0,
  };
}

/**
 * Makes the next hourly run continue the adoption: it runs the day's jobs (adoption first) when a
 * day's run is not already under way.
 */
function resumeHourly(doc: TrackerDocument): void {
  const schedule = parseScheduleState(doc.property(SCHEDULE_PROPERTY));
  if (schedule.pending) return;
  schedule.pending = { day: new Date().toISOString().slice(0, 10), next: 0, cursor: null, runs: 0, done: [] };
  doc.setProperty(SCHEDULE_PROPERTY, JSON.stringify(schedule));
}

/** The report of a set-up run while rows were still being adopted: it continued them. */
function fromProgress(report: SetupReport, progress: SetupProgress): SetupReport {
  return {
    ...report,
    idsGiven: progress.idsGiven,
    invalidRows: progress.invalidRows,
    triggersInstalled: progress.triggersInstalled,
    triggerProblems: progress.triggerProblems ?? [],
    ...(progress.finished ? {} : { pending: { done: progress.done, total: progress.total } }),
    message: progress.message,
  };
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
  const problems = report.triggerProblems.length ? ` ${report.triggerProblems.join(' ')}` : '';
  if (report.pending) {
    const { done, total } = report.pending;
    return `Set-up done for the structure${parts.length ? ` (${parts.join('; ')})` : ''}; adopting your existing rows: ${count(done)} of ${count(total)} so far. Keep this dialog open, or it continues within the hour.${problems}`;
  }
  return (
    (parts.length
      ? `Set-up done: ${parts.join('; ')}.`
      : 'The tracker is already set up: nothing to change.') + problems
  );
}
