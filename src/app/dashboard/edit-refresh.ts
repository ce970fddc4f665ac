/**
 * A person's change of the Dashboard's period or currency cell (row 2, B or D): the dashboard is
 * refreshed for the new choice by the installable edit trigger (the Dashboard is not audited: it
 * holds only what the tracker computes). Other edits of the Dashboard do nothing.
 */
import type { TrackerDocument } from '../../sheets/document';
import { dashboardState, saveDashboardState } from '../../sheets/dashboard-sheet';
import { UNKNOWN_USER } from '../../domain/audit/entry';
import { AppContext } from '../context';
import { CURRENCY_CELL, PERIOD_CELL } from './grid';
import { refreshDashboardIn } from './refresh';

export function refreshOnDashboardEdit(
  doc: TrackerDocument,
  edit: { rows: readonly [number, number]; cols: readonly [number, number] },
): boolean {
  if (!choiceEdited(edit)) return false;
  refreshDashboardIn(new AppContext(doc, { email: UNKNOWN_USER }, 'trigger'));
  return true;
}

/**
 * A change of the period or currency cell whose trigger failed (its trace, app/audit/pending-edits.ts):
 * the choice the last refresh stored is forgotten, so the next refresh (the daily run's, or the
 * menu's) shows what row 2 now holds instead of writing the old choice back over it. Not refreshed
 * here: the execution that finds the trace may be a person's sidebar call, and a refresh at 100,000
 * leads reads every row (bench/RESULTS.md).
 */
export function forgetDashboardChoice(
  doc: TrackerDocument,
  edit: { rows: readonly [number, number]; cols: readonly [number, number] },
): void {
  const state = dashboardState(doc);
  if (!state?.choice || !choiceEdited(edit)) return;
  const { choice: _forgotten, ...rest } = state;
  saveDashboardState(doc, rest);
}

/** The edited block holds the period or the currency cell. */
function choiceEdited(edit: { rows: readonly [number, number]; cols: readonly [number, number] }): boolean {
  const [top, bottom] = edit.rows;
  const [left, right] = edit.cols;
  const hits = (cell: { row: number; col: number }) =>
    top <= cell.row && cell.row <= bottom && left <= cell.col && cell.col <= right;
  return hits(PERIOD_CELL) || hits(CURRENCY_CELL);
}
