/**
 * Tables opened through the lead index (lead-index.ts) for the interactive lead calls: the tables of
 * `also` (Partners) from their shadow and the index in ONE getValues, Leads with only the rows the
 * call needs (the window past the chunks, which ends at the last row, so an append goes after it;
 * and the row of the lead looked up by id, one getValues when the window does not hold it). The
 * other Leads rows are NOT_READ (refused by update(), empty to rows()). Null when the index cannot
 * serve: the caller reads the tables whole, as before.
 */
import { decodeShadow, encodeShadow, type ShadowRow } from '../domain/audit/shadow';
import { keysByPosition, rowWidth } from './layout';
import { writeShadow } from './shadow-sheet';
import { checkCells, hasForged } from './shadow-seals';
import {
  ROW_READS,
  dealFields,
  joinRanges,
  readActiveRegistrations,
  readShadowRowsAt,
  type ActiveRegistrations,
} from './lead-index';
import type { SheetKey } from './schema';
import type { TableSource } from './shadow-tables';
import { NOT_READ, valuesFromShadow, type Table } from './table';

export interface LeadLookup {
  /** The Lead ID looked up: its row is read (and checked to hold it) when the index knows it. */
  id?: string;
  /**
   * With `id`: the deals of the looked-up lead's partner (the index's deal entries: the cells the
   * commission engine reads) are given their rows too, so a reconcile of that partner sees them all.
   */
  deals?: boolean;
  /**
   * The partners (chosen from the index) whose every deal is given its row (a slice of the full
   * reconcile: app/commissions/reconcile-slices.ts), whatever `id` finds.
   */
  dealsOf?: (active: ActiveRegistrations) => ReadonlySet<string>;
  /** The ledger index's chunks, read with the lead index in the hourly run (readActiveRegistrations). */
  ledgerChunks?: number;
}

export interface IndexedOpen {
  active: ActiveRegistrations;
  /** The row of the lead looked up, when the index knows it (read and checked). */
  row: number | null;
}

/** Leads tables opened with every deal of some partners (the others' rows not read). */
const dealsOpened = new WeakMap<Table, ReadonlySet<string>>();

/**
 * The partners whose every deal a Leads table holds: all of them (null) when it was read whole, else
 * those openLeadsByIndex gave their deals (none for a table opened without them).
 */
export function partnersWithDeals(table: Table): ReadonlySet<string> | null {
  if (!table.sparse) return null;
  return dealsOpened.get(table) ?? new Set();
}

export function openLeadsByIndex(
  ctx: TableSource,
  also: readonly SheetKey[],
  lookup: LeadLookup = {},
): IndexedOpen | null {
  if (ctx.isOpen('leads') || also.some((key) => ctx.isOpen(key))) return null;
  const doc = ctx.doc;
  const active = readActiveRegistrations(doc, also, { nextColumnRows: lookup.ledgerChunks });
  if (!active) return null;
  // Shadow rows of `also` whose seal does not check: the caller reads the visible sheets.
  for (const key of also)
    active.shadows.set(
      key,
      checkCells(doc, key, 2, active.shadows.get(key) ?? [], { column: true, forgedAs: 'claimed' }),
    );
  if (also.some((key) => hasForged(doc, key))) return null;
  const layout = doc.layout();
  const leads = layout.sheets.leads!;
  const values: unknown[][] = [
    valuesFromShadow('leads', leads, [])[0],
    ...new Array<unknown[]>(Math.max(0, active.lastRow - 1)).fill(NOT_READ),
  ];
  const { firstRow, values: window } = active.window;
  window.forEach((rowValues, i) => {
    const row = firstRow + i;
    if (row <= active.lastRow) values[row - 1] = rowValues;
  });
  let row: number | null = null;
  if (lookup.id !== undefined) {
    const id = lookup.id;
    row = active.activeWhere(1, (value) => value === id)[0]?.[0] ?? null;
    if (row === null) return null;
    if (values[row - 1] === NOT_READ) {
      const width = rowWidth(leads);
      values[row - 1] = doc.range(leads.id, leads.name, row, 1, 1, width).getValues()[0];
    }
    const idCol = leads.cols.leadId;
    if (!idCol || String(values[row - 1]?.[idCol - 1] ?? '').trim() !== lookup.id) return null;
  }
  let dealsOf: ReadonlySet<string> | null = null;
  if (lookup.dealsOf) dealsOf = lookup.dealsOf(active);
  else if (lookup.deals && row !== null) {
    const partnerCol = leads.cols.partnerId;
    if (!partnerCol) return null;
    dealsOf = new Set([String(values[row - 1]?.[partnerCol - 1] ?? '').trim()]);
  }
  if (dealsOf !== null) {
    // Rows read from the sheet (the window, the lead itself) keep what the sheet holds.
    const partners = dealsOf;
    const deals = active
      .dealsWhere(2, (value) => partners.has(String(value).trim()))
      .filter((entry) => values[entry[0] - 1] === NOT_READ);
    const converted = valuesFromShadow('leads', leads, deals.map(dealFields));
    deals.forEach((entry, i) => (values[entry[0] - 1] = converted[i + 1]));
  }
  for (const key of also) {
    const cells = active.shadows.get(key) ?? [];
    let end = cells.length;
    while (end > 0 && (cells[end - 1] ?? '') === '') end--;
    const rows: ShadowRow[] = [];
    for (let i = 0; i < end; i++) rows.push(decodeShadow(cells[i]));
    ctx.tableFrom(key, () => valuesFromShadow(key, layout.sheets[key]!, rows), true);
  }
  const table = ctx.tableFrom('leads', () => values);
  if (dealsOf !== null) dealsOpened.set(table, dealsOf);
  // Rows another tool appended past the last one the tracker wrote get their shadow with this
  // call's commit (as a full read gives them): later reads of the shadow know them.
  const foreign = new Map<number, string>();
  const keys = keysByPosition(leads).slice(1);
  window.forEach((rowValues, i) => {
    const at = firstRow + i;
    if (at > active.state.last && rowValues.some((v) => v !== '' && v !== null))
      foreign.set(at, encodeShadow(keys, rowValues));
  });
  if (foreign.size) writeShadow(doc, 'leads', foreign);
  return { active, row };
}

/**
 * The rows of the active registrations `ids` (found in the index) made readable in the Leads table
 * openLeadsByIndex opened: the rows it did not read are read from the sheet (one getValues per
 * cluster of nearby rows, ROW_READS) and each is checked to hold its id. Lead ID -> row, for those
 * found; a row that no longer holds its id is left out. Used for the earlier leads a registration
 * turned out to conflict with: their Conflict notes the later registration.
 */
export function openActiveLeadRows(
  ctx: TableSource,
  active: ActiveRegistrations,
  ids: ReadonlySet<string>,
): Map<string, number> {
  const found = new Map<string, number>();
  if (!ids.size) return found;
  const leads = ctx.doc.layout().sheets.leads!;
  if (!ctx.isOpen('leads')) throw new Error('openActiveLeadRows: Leads was not opened by openLeadsByIndex');
  const table = ctx.tableFrom('leads', () => []);
  const entries = active.activeWhere(1, (value) => ids.has(String(value)));
  const unread = entries.map((entry) => entry[0]).filter((row) => table.valuesAt(row) === NOT_READ);
  const width = rowWidth(leads);
  for (const [from, to] of joinRanges(
    unread.map((row): [number, number] => [row, row]),
    ROW_READS.most,
    ROW_READS.gap,
  ))
    table.fill(from, ctx.doc.range(leads.id, leads.name, from, 1, to - from + 1, width).getValues());
  const idCol = leads.cols.leadId;
  for (const [row, id] of entries)
    if (idCol && String(table.valuesAt(row)[idCol - 1] ?? '').trim() === id) found.set(id, row);
  return found;
}

/**
 * Opens Leads with only `rows` read (a page of a list the index chose): those in the index's window
 * from the sheet values it read, the others from their shadow cells (one getValues of the Leads
 * shadow column per cluster of nearby rows, at most ROW_READS.most, or `most`). Every other row is
 * NOT_READ. False when Leads is open already or there is no shadow column (the caller reads Leads whole).
 */
export function openLeadRowsByIndex(
  ctx: TableSource,
  active: ActiveRegistrations,
  rows: readonly number[],
  most?: number,
): boolean {
  if (ctx.isOpen('leads')) return false;
  const doc = ctx.doc;
  const layout = doc.layout();
  const leads = layout.sheets.leads;
  const shadow = layout.shadow;
  const col = shadow?.cols.leads;
  if (!leads || !shadow || !col) return false;
  const values: unknown[][] = [
    valuesFromShadow('leads', leads, [])[0],
    ...new Array<unknown[]>(Math.max(0, active.lastRow - 1)).fill(NOT_READ),
  ];
  const { firstRow, values: window } = active.window;
  const wanted: number[] = [];
  for (const row of rows) {
    const at = row - firstRow;
    if (at >= 0 && at < window.length) values[row - 1] = window[at];
    else wanted.push(row);
  }
  // Seals checked: a forged row makes the caller read Leads whole (the visible rows win).
  const found = readShadowRowsAt(doc, 'leads', wanted, most);
  if (!found) return false;
  const converted = valuesFromShadow(
    'leads',
    leads,
    found.map((f) => f.cells),
  );
  found.forEach(({ row }, i) => (values[row - 1] = converted[i + 1]));
  ctx.tableFrom('leads', () => values, found.length > 0);
  return true;
}
