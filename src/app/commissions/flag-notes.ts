/**
 * Where a person sees why a Won deal earns nothing: a note on the deal's Lead ID cell in Leads
 * ("No commission: Plan 'Gold' is invalid: Rate 'abc' is not a number"), set when the deal is
 * flagged and cleared once it earns. One read of the column's notes, and one setNotes over the span
 * of rows whose note changes: constant service calls.
 */
import type { Flag } from '../../domain/commissions';
import type { Table } from '../../sheets/table';
import type { DealRow } from './inputs';

export const FLAG_NOTE_PREFIX = 'No commission: ';

export function writeFlagNotes(
  leads: Table,
  allDeals: readonly DealRow[],
  flags: readonly Flag[],
  only?: ReadonlySet<string>,
): void {
  // Only a deal that is (or was, Won -> Lost) Won carries a flag note; `only` narrows to the deals a
  // use case changed (closeLead: one row read, not the whole column).
  const deals = allDeals.filter(
    ({ deal }) => (deal.status === 'Won' || deal.status === 'Lost') && (!only || only.has(deal.leadId)),
  );
  if (deals.length === 0) return;
  const reasons = new Map<string, string[]>();
  for (const flag of flags) reasons.set(flag.leadId, [...(reasons.get(flag.leadId) ?? []), flag.reason]);
  let firstRow = Infinity;
  let lastRow = 0;
  for (const { row } of deals) {
    firstRow = Math.min(firstRow, row);
    lastRow = Math.max(lastRow, row);
  }
  if (lastRow < 2) return;
  const col = leads.col('leadId');
  const current = leads.sheet.getRange(firstRow, col, lastRow - firstRow + 1, 1).getNotes();
  const wanted = current.map((r) => String(r[0] ?? ''));
  for (const { row, deal } of deals) {
    const mine = wanted[row - firstRow].startsWith(FLAG_NOTE_PREFIX);
    const why = reasons.get(deal.leadId);
    if (why) wanted[row - firstRow] = FLAG_NOTE_PREFIX + why.join('; ');
    else if (mine) wanted[row - firstRow] = '';
  }
  const changed = wanted
    .map((note, i) => (note !== String(current[i][0] ?? '') ? i : -1))
    .filter((i) => i >= 0);
  if (changed.length === 0) return;
  const first = changed[0];
  const last = changed[changed.length - 1];
  leads.sheet
    .getRange(first + firstRow, col, last - first + 1, 1)
    .setNotes(wanted.slice(first, last + 1).map((note) => [note]));
}
