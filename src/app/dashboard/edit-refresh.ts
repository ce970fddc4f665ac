/**
 * A person's change of the Dashboard's period or currency cell (row 2, B or D): the dashboard is
 * refreshed for the new choice by the installable edit trigger (the Dashboard is not audited: it
 * holds only what the tracker computes). Other edits of the Dashboard do nothing.
 */
import type { TrackerDocument } from '../../sheets/document';
import { UNKNOWN_USER } from '../../domain/audit/entry';
import { AppContext } from '../context';
import { CURRENCY_CELL, PERIOD_CELL } from './grid';
import { refreshDashboardIn } from './refresh';

export function refreshOnDashboardEdit(
  doc: TrackerDocument,
  range: GoogleAppsScript.Spreadsheet.Range,
): boolean {
  const top = range.getRow();
  const bottom = top + range.getNumRows() - 1;
  const left = range.getColumn();
  const right = left + range.getNumColumns() - 1;
  const hits = (cell: { row: number; col: number }) =>
    top <= cell.row && cell.row <= bottom && left <= cell.col && cell.col <= right;
  if (!hits(PERIOD_CELL) && !hits(CURRENCY_CELL)) return false;
  refreshDashboardIn(new AppContext(doc, { email: UNKNOWN_USER }, 'trigger'));
  return true;
}
