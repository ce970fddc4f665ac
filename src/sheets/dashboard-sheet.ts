/**
 * The Dashboard sheet and its hidden metrics sheet (`_Metrics`, the compact table the charts read):
 * their structure (made once by set-up, or by the first refresh of a tracker set up before), the
 * person's choice of period and currency (row 2), and the writes of a refresh staged as journal ops
 * (values, number formats, notes: one call each), so a refresh is one journaled step like any other.
 * What the refresh wrote last (rows, the charts' signature) is kept in `tracker.dashboard`.
 */
import type { TrackerDocument } from './document';
import { columnLetter } from './capacity';

export const METRICS_SHEET_NAME = '_Metrics';
export const DASHBOARD_STATE_PROPERTY = 'tracker.dashboard';

export interface DashboardState {
  v: 1;
  /** The metrics sheet. */
  m: { s: number; n: string };
  /** Rows the last refresh wrote on the Dashboard (cleared below the new ones). */
  rows: number;
  /** Columns of the metrics grid. */
  mw: number;
  /** The charts as last made (JSON: each one's signature by key): unchanged, a chart is left alone. */
  charts: string;
  /** The period and currency the last refresh showed (what row 2 holds). */
  choice?: { period: string; currency: string };
  /** A digest of the formats last written: unchanged, they are not written again. */
  look?: string;
  /** The same for the notes. */
  notesLook?: string;
}

export function dashboardState(doc: TrackerDocument): DashboardState | null {
  const text = doc.property(DASHBOARD_STATE_PROPERTY);
  if (!text) return null;
  try {
    const state = JSON.parse(text) as DashboardState;
    return state.v === 1 && typeof state.m?.s === 'number' ? state : null;
  } catch {
    return null;
  }
}

export function saveDashboardState(doc: TrackerDocument, state: DashboardState): void {
  doc.setProperty(DASHBOARD_STATE_PROPERTY, JSON.stringify(state));
}

/**
 * The metrics sheet (created hidden, 2 columns wide less than the grid: trimmed to `width`) and the
 * dropdowns of the period and currency cells. Idempotent: what exists is kept.
 */
export function ensureDashboardStructure(
  doc: TrackerDocument,
  choices: { periods: readonly string[]; currencies: readonly string[]; width: number },
): DashboardState {
  const ss = doc.ss;
  const dashboard = doc.sheet('dashboard');
  if (!dashboard) throw new Error(dashboardSheetMessages.missing());
  let metrics = ss.getSheetByName(METRICS_SHEET_NAME);
  // made now, or made by an execution that died before it saved the state: trimmed (again)
  const unfinished = !metrics || !dashboardState(doc);
  if (!metrics) metrics = ss.insertSheet(METRICS_SHEET_NAME, ss.getNumSheets());
  if (unfinished) {
    const extra = metrics.getMaxColumns() - choices.width;
    if (extra > 0) metrics.deleteColumns(choices.width + 1, extra);
    const rows = metrics.getMaxRows() - 20;
    if (rows > 0) metrics.deleteRows(21, rows);
    metrics.hideSheet();
  }
  const list = (values: readonly string[]) =>
    SpreadsheetApp.newDataValidation()
      .requireValueInList([...values], true)
      .setAllowInvalid(false)
      .build();
  dashboard.getRange(2, 2).setDataValidation(list(choices.periods));
  if (choices.currencies.length) dashboard.getRange(2, 4).setDataValidation(list(choices.currencies));
  const state: DashboardState = {
    v: 1,
    m: { s: metrics.getSheetId(), n: metrics.getName() },
    rows: 0,
    mw: choices.width,
    charts: dashboardState(doc)?.charts ?? '',
  };
  saveDashboardState(doc, state);
  return state;
}

export const dashboardSheetMessages = {
  missing: () => 'The Dashboard sheet is missing: run Extensions > Partnership Tracker > Set up tracker.',
} as const;

/** The period and currency cells as the person left them (one read of B2:D2). */
export function readDashboardChoice(doc: TrackerDocument): { period: string; currency: string } {
  const layout = doc.layout().sheets.dashboard;
  if (!layout) throw new Error(dashboardSheetMessages.missing());
  const [row] = doc.range(layout.id, layout.name, 2, 2, 1, 3).getValues();
  return {
    period: String(row[0] ?? '').trim(),
    currency: String(row[2] ?? '')
      .trim()
      .toUpperCase(),
  };
}

export interface DashboardWrite {
  choice: { period: string; currency: string };
  values: unknown[][];
  formats: string[][];
  notes: string[][];
  metrics: unknown[][];
}

/**
 * Stages the Dashboard's formats, values and notes (over the rows the last refresh wrote too, so
 * what it showed below is cleared) and the metrics grid. Rows are added first when the sheet is short.
 */
export function stageDashboard(
  doc: TrackerDocument,
  state: DashboardState,
  write: DashboardWrite,
): DashboardState {
  const layout = doc.layout().sheets.dashboard;
  if (!layout) throw new Error(dashboardSheetMessages.missing());
  const width = write.values[0].length;
  const rows = Math.max(write.values.length, state.rows);
  const fill = <T>(grid: T[][], filler: T) =>
    rows > grid.length
      ? [...grid, ...Array.from({ length: rows - grid.length }, () => new Array<T>(width).fill(filler))]
      : grid;
  const target = { s: layout.id, n: layout.name };
  if (rows > layout.maxRows) {
    doc.stage({ ...target, k: 'rows', from: layout.maxRows, need: rows, to: rows + 100 });
    layout.maxRows = rows + 100;
    doc.markLayoutChanged();
  }
  // Formats and notes follow the layout (which rows are which section; the formats the currency
  // too): each written when it changed.
  const look = digest(JSON.stringify([rows, write.formats]));
  const notesLook = digest(JSON.stringify([rows, write.notes]));
  if (look !== state.look) doc.stage({ ...target, k: 'formats', r: 1, c: 1, v: fill(write.formats, '@') });
  doc.stage({ ...target, k: 'values', r: 1, c: 1, v: fill(write.values, '') });
  if (notesLook !== state.notesLook)
    doc.stage({ ...target, k: 'notes', r: 1, c: 1, v: fill(write.notes, '') });
  doc.stage({ ...state.m, k: 'values', r: 1, c: 1, v: write.metrics });
  const next = { ...state, rows: write.values.length, look, notesLook, choice: write.choice };
  saveDashboardState(doc, next);
  return next;
}

/** "A1:B7" of the metrics sheet. */
export function metricsA1(row: number, col: number, rows: number, cols: number): string {
  return `${columnLetter(col)}${row}:${columnLetter(col + cols - 1)}${row + rows - 1}`;
}

/** A short digest of a text (FNV-1a, 32 bits, hex): enough to tell a changed layout from the same. */
function digest(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${text.length}:${h.toString(16)}`;
}
