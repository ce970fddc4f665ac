/**
 * The Commissions sheet as ledger lines: read from its one table read, new lines appended and
 * status changes applied in memory (the audited writer writes them), Amount and Basis formatted
 * per currency once the rows exist.
 */
import type { LedgerLine, StatusChange } from '../../domain/commissions';
import { COMMISSION_KINDS, COMMISSION_STATUSES, readStatus } from '../../shared/statuses';
import { ensureRows } from '../../sheets/capacity';
import { numberFormat } from '../../sheets/setup/formats';
import type { SheetKey } from '../../sheets/schema';
import type { Table } from '../../sheets/table';
import type { AppContext } from '../context';
import type { Days } from '../../sheets/days';
import { cellToMinor, minorToCell, moneyFormat } from './cells';
import { idSequence } from '../../domain/ids';
import type { LedgerEntry } from '../../sheets/ledger-index';
import { auditText } from '../../domain/audit/entry';

export interface LedgerRow {
  readonly row: number;
  readonly line: LedgerLine;
}

const text = (value: unknown) => String(value ?? '').trim();
/** A date cell as the ledger index keeps it: its shadow text's first ten characters. */
const dayText = (value: unknown) => auditText(value).trim().slice(0, 10);

/**
 * The Commissions table read from its `_Shadow` column (one cell a row instead of 16; the sheet when
 * the shadow does not know every row, see ctx.read), with `also` opened the same way (`unguarded`:
 * those of them whose last row is not checked).
 */
export function openLedger(
  ctx: AppContext,
  also: readonly SheetKey[] = [],
  unguarded: readonly SheetKey[] = [],
): Table {
  const keys: SheetKey[] = ['commissions', ...also];
  ctx.read(keys, { guarded: keys.filter((key) => !unguarded.includes(key)) });
  return ctx.table('commissions');
}

/** A Status or Kind cell of the ledger, checked: a value the tracker does not know stops the read. */
function checked<T extends string>(values: readonly T[], cell: unknown, row: number, what: string): T | '' {
  const reading = readStatus(values, cell, `Commissions row ${row}`, what);
  if (!reading.ok) throw new Error(ledgerMessages.unknownValue(reading.problem));
  return reading.status ?? '';
}

export const ledgerMessages = {
  unknownValue: (problem: string) =>
    `${problem}. Commissions are computed from the statuses of their lines: correct the cell, then try again.`,
} as const;

/**
 * Every ledger line with its sheet row; a row whose amount is not readable keeps amountMinor 0. A
 * Status or Kind that is not one of the tracker's is an error naming the row and the value (never
 * cast: the reconcile and the payouts must not guess what a line is); an empty one reads as ''.
 */
export function readLedger(table: Table, days: Days): LedgerRow[] {
  return table.rows().flatMap(({ row, record }) => {
    const line = ledgerLineOf(record, row, days);
    return line ? [{ row, line }] : [];
  });
}

/**
 * One ledger line from a row's record (null when it has no Commission ID), by readLedger's rules; a
 * record holding only some columns (the Dashboard's, from the shadow) reads the others as empty.
 */
export function ledgerLineOf(
  record: Readonly<Record<string, unknown>>,
  row: number,
  days: Days,
): LedgerLine | null {
  const id = text(record.commissionId);
  if (id === '') return null;
  const currency = text(record.currency);
  const minor = (value: unknown) => {
    try {
      return cellToMinor(value, currency);
    } catch {
      return null;
    }
  };
  return {
    id,
    key: text(record.key),
    leadId: text(record.leadId),
    partnerId: text(record.partnerId),
    plan: text(record.plan),
    kind: checked(COMMISSION_KINDS, record.kind, row, 'Kind'),
    basisMinor: minor(record.basis),
    currency,
    amountMinor: minor(record.amount) ?? 0,
    status: checked(COMMISSION_STATUSES, record.status, row, 'Status'),
    earnedOn: days.cellToDay(record.earnedOn),
    eligibleOn: days.cellToDay(record.eligibleOn),
    approvedBy: text(record.approvedBy),
    approvedOn: days.cellToDay(record.approvedOn),
    payoutId: text(record.payoutId),
    explanation: text(record.explanation),
  };
}

/** A generator of the next Commission IDs, allocated once from the ledger read (under the lock). */
export function commissionIds(ledger: readonly LedgerRow[]): () => string {
  return idSequence(
    'commission',
    ledger.map(({ line }) => line.id),
  );
}

/** Appends lines; returns the sheet rows they went to. */
export function appendLines(table: Table, lines: readonly LedgerLine[], days: Days): number[] {
  return lines.map((line) =>
    table.append({
      commissionId: line.id,
      leadId: line.leadId,
      partnerId: line.partnerId,
      plan: line.plan,
      kind: line.kind,
      basis: minorToCell(line.basisMinor, line.currency),
      currency: line.currency,
      amount: minorToCell(line.amountMinor, line.currency),
      status: line.status,
      earnedOn: days.dayToCell(line.earnedOn),
      eligibleOn: days.dayToCell(line.eligibleOn),
      approvedBy: line.approvedBy,
      approvedOn: days.dayToCell(line.approvedOn),
      payoutId: line.payoutId,
      explanation: line.explanation,
      key: line.key,
    }),
  );
}

/** Applies status changes to their rows (a Void's reason is added to the Explanation). */
export function applyStatusChanges(
  table: Table,
  ledger: readonly LedgerRow[],
  changes: readonly StatusChange[],
  days: Days,
): number[] {
  const byId = new Map(ledger.map((l) => [l.line.id, l]));
  const rows: number[] = [];
  for (const change of changes) {
    const found = byId.get(change.id);
    if (!found) continue;
    const patch: Record<string, string | Date> = { status: change.to };
    if (change.reason) patch.explanation = `${found.line.explanation} | ${change.reason}`;
    if (change.key !== undefined) patch.key = change.key;
    if (change.approvedBy !== undefined) patch.approvedBy = change.approvedBy;
    if (change.approvedOn !== undefined) patch.approvedOn = days.dayToCell(change.approvedOn);
    table.update(found.row, patch);
    rows.push(found.row);
  }
  return rows;
}

/**
 * Number formats of the money columns of appended rows, per the row's currency. Set-up gives every
 * row of a money column the two-decimal format (and rows added later get it too: capacity.ts), so
 * rows whose currencies all have two decimals (USD, EUR) need no write; otherwise one
 * setNumberFormats over the columns (those between them given their set-up format again), or one per
 * column when a column the tracker does not know lies between (rows are added first when the sheet
 * is too short).
 */
export function formatMoneyColumns(
  ctx: AppContext,
  table: Table,
  rows: readonly number[],
  currencies: readonly string[],
  columns: readonly string[],
): void {
  if (rows.length === 0) return;
  let first = Infinity;
  let last = 0;
  for (const row of rows) {
    first = Math.min(first, row);
    last = Math.max(last, row);
  }
  if (last - first + 1 !== rows.length) return;
  const byRow = new Map(rows.map((row, i) => [row, currencies[i]]));
  const formats = Array.from({ length: rows.length }, (_, i) => moneyFormat(byRow.get(first + i) ?? ''));
  const setUp = numberFormat('money');
  if (formats.every((f) => f === setUp)) return;
  ensureRows(ctx.doc, table.sheet, table.layout, last);
  const target = { k: 'formats', s: table.layout.id, n: table.layout.name, r: first } as const;
  const spanned = spannedFormats(table, columns);
  if (spanned)
    ctx.doc.stage({
      ...target,
      c: spanned.first,
      v: formats.map((f) => spanned.formats.map((kept) => kept ?? f)),
    });
  else
    for (const column of columns)
      ctx.doc.stage({ ...target, c: table.col(column), v: formats.map((f) => [f]) });
}

/**
 * The columns from the first to the last of `money`: null where a money column is (its format is
 * the row's), the set-up format of each column between; null when a column between is not the
 * tracker's or has no set-up format (its format is not known: each money column is written alone).
 */
function spannedFormats(
  table: Table,
  money: readonly string[],
): { first: number; formats: Array<string | null> } | null {
  const at = money.map((key) => table.col(key));
  const first = Math.min(...at);
  const byCol = new Map(table.def.columns.map((c) => [table.layout.cols[c.key], c]));
  const formats: Array<string | null> = [];
  for (let col = first; col <= Math.max(...at); col++) {
    if (at.includes(col)) {
      formats.push(null);
      continue;
    }
    const def = byCol.get(col);
    const format = def ? numberFormat(def.format) : null;
    if (format === null) return null;
    formats.push(format);
  }
  return { first, formats };
}

/** The ledger index's entries of a whole Commissions table (every row with an id) and its last row. */
export function ledgerIndexEntries(table: Table): { entries: LedgerEntry[]; last: number } {
  const entries: LedgerEntry[] = [];
  let last = 1;
  for (const { row, record } of table.rows()) {
    last = row;
    const id = text(record.commissionId);
    if (id)
      entries.push([
        row,
        id,
        text(record.partnerId),
        text(record.leadId),
        text(record.status),
        text(record.kind),
        text(record.key),
        dayText(record.eligibleOn),
        dayText(record.earnedOn),
      ]);
  }
  return { entries, last };
}
