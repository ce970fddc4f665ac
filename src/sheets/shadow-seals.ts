/**
 * The shadow's seals at the door to the sheet (the rule itself: domain/audit/shadow-seal.ts).
 * `sealCells` on every write of `_Shadow` cells (same setValues: no extra call); `checkCells` on every
 * read: a cell whose seal does not check (retyped, pasted, copied from another row, or a blank cell
 * above the column's last row) is remembered for the execution as forged, its content is never used
 * (the caller reads the visible sheet: `hasForged`), never sealed again by a write that carries it
 * along, and the execution's commit (`healForged`, from writer.ts) writes the visible row's shadow
 * sealed over it and audits the discrepancy (what `_Shadow` claimed, what the row holds), unless the
 * two agree (a row of a tracker older than its seals: sealed silently).
 */
import { type AuditEntry, type AuditSource } from '../domain/audit/entry';
import { encodeShadow, fitAuditValue } from '../domain/audit/shadow';
import { checkShadow, sealShadow, shadowMac, type ShadowMac } from '../domain/audit/shadow-seal';
import { sealCheck, type SealCheck } from '../domain/audit/seal-check';
import { contiguousBlocks } from '../domain/audit/diff';
import { auditKey } from './audit-key';
import { a1, columnLetter } from './capacity';
import type { TrackerDocument } from './document';
import { keysByPosition } from './layout';
import { sheetDef, type SheetKey } from './schema';
import { overlayDeferred } from './shadow-deferred';
import { rememberShadowRows } from './shadow-rows-read';

/** The field of the audit entry of a forged shadow row. */
export const SHADOW_FIELD = '_Shadow';

const macs = new WeakMap<TrackerDocument, { key: string; mac: ShadowMac; quick: SealCheck }>();

function sealsOf(doc: TrackerDocument): { mac: ShadowMac; quick: SealCheck } | null {
  const key = auditKey(doc);
  if (!key) return null;
  const have = macs.get(doc);
  if (have && have.key === key) return have;
  const made = { key, mac: shadowMac(key), quick: sealCheck(key) };
  macs.set(doc, made);
  return made;
}

function macOf(doc: TrackerDocument): ShadowMac | null {
  return sealsOf(doc)?.mac ?? null;
}

/** Forged rows found this execution: sheet key -> row -> what the cell held and the row it claimed. */
interface Forged {
  raw: string;
  content: string;
}
const forged = new WeakMap<TrackerDocument, Map<SheetKey, Map<number, Forged>>>();

function forgedOf(doc: TrackerDocument, key: SheetKey): Map<number, Forged> {
  if (!forged.has(doc)) forged.set(doc, new Map());
  const byKey = forged.get(doc)!;
  if (!byKey.has(key)) byKey.set(key, new Map());
  return byKey.get(key)!;
}

/** True when a read of `key`'s shadow this execution found a row whose seal does not check. */
export function hasForged(doc: TrackerDocument, key: SheetKey): boolean {
  return (forged.get(doc)?.get(key)?.size ?? 0) > 0;
}

/**
 * Rows moved (the column rewritten after rows were inserted or deleted): the forged contents went
 * with their rows, unsealed, and are found again by the next read; their old row numbers are dropped.
 */
export function forgetForgedRows(doc: TrackerDocument, key: SheetKey): void {
  forged.get(doc)?.get(key)?.clear();
}

/**
 * The cells `row -> content` as written: each sealed (with no key yet, as they are). A content a
 * read found forged is written as it is, unsealed: carrying a forged cell along never launders it.
 */
export function sealCells(
  doc: TrackerDocument,
  key: SheetKey,
  cells: Iterable<readonly [number, string]>,
): Map<number, string> {
  const mac = macOf(doc);
  const bad = new Set([...(forged.get(doc)?.get(key)?.values() ?? [])].map((f) => f.content));
  const out = new Map<number, string>();
  for (const [row, content] of cells)
    out.set(row, !mac || (bad.has(content) && content !== '') ? content : sealShadow(mac, key, row, content));
  return out;
}

/**
 * The contents of shadow cells read from rows firstRow.. (`raw`: what the sheet holds), their seals
 * checked: forged rows are remembered and given as `forgedAs` says (their claimed content, or "").
 * `column`: the cells are a whole column, so a blank cell above its last written row is forged too;
 * `lastRow`: the same for cells that are part of a column whose last written row is `lastRow`.
 */
export function checkCells(
  doc: TrackerDocument,
  key: SheetKey,
  firstRow: number,
  raw: readonly unknown[],
  options: { column?: boolean; lastRow?: number; forgedAs?: 'claimed' | 'empty' } = {},
): string[] {
  const seals = sealsOf(doc);
  if (!seals) return raw.map((c) => String(c ?? ''));
  let last = -1;
  if (options.column)
    for (let i = raw.length - 1; i >= 0 && last < 0; i--) if (String(raw[i] ?? '') !== '') last = i;
  if (options.lastRow !== undefined) last = options.lastRow - firstRow;
  if (!verified.has(doc)) verified.set(doc, new Map());
  const byKey = verified.get(doc)!;
  if (!byKey.has(key)) byKey.set(key, new Map());
  const seen = byKey.get(key)!;
  return raw.map((cell, i) => {
    const row = firstRow + i;
    const text = String(cell ?? '');
    // A cell this execution already found sealed, read again (another table open, a re-read).
    const known = seen.get(row);
    if (known && known[0] === text) return known[1];
    const checked = checkShadow(seals.mac, key, row, cell, seals.quick);
    if (checked.state === 'sealed') seen.set(row, [text, checked.content]);
    if (checked.state === 'sealed' || (checked.state === 'blank' && i > last)) return checked.content;
    forgedOf(doc, key).set(row, { raw: String(cell ?? ''), content: checked.content });
    return options.forgedAs === 'claimed' ? checked.content : '';
  });
}

/**
 * The rows of each range `[from, to]` of `key`'s shadow column, their seals checked as `checkCells`
 * does (a forged row is remembered: `hasForged`): one getValues per range, or ONE of the span from the
 * first row to the last when it is at most `oneReadRows` tall (the rows between are read, not checked
 * or given), with `alsoRows` in it when they add at most that many rows. The caller has checked the
 * shadow has the column.
 */
export function readSealedRanges(
  doc: TrackerDocument,
  key: SheetKey,
  ranges: ReadonlyArray<readonly [number, number]>,
  oneReadRows = 0,
  /** Rows read with the span when it still fits (neither checked nor given: remembered for a later read). */
  alsoRows: readonly number[] = [],
): string[][] {
  const shadow = doc.layout().shadow!;
  const read = (from: number, to: number) =>
    overlayDeferred(
      doc,
      shadow.cols,
      from,
      shadow.cols[key]!,
      doc.range(shadow.id, shadow.name, from, shadow.cols[key]!, to - from + 1, 1).getValues(),
    ).map((r) => r[0]);
  if (!ranges.length) return [];
  let first = Math.min(...ranges.map(([from]) => from));
  let last = Math.max(...ranges.map(([, to]) => to));
  const together = ranges.length > 1 && last - first + 1 <= oneReadRows;
  // `alsoRows` join the read when that adds at most `oneReadRows` rows to what the ranges' read(s)
  // and one read of their own span (the caller's) would read apart.
  // (min and max by a loop, not a spread into Math.min: the rows may be as many as the leads)
  let alsoFirst = Infinity;
  let alsoLast = -Infinity;
  for (const row of alsoRows) {
    alsoFirst = Math.min(alsoFirst, row);
    alsoLast = Math.max(alsoLast, row);
  }
  const apart =
    (together ? last - first + 1 : ranges.reduce((n, [from, to]) => n + to - from + 1, 0)) +
    (alsoRows.length ? alsoLast - alsoFirst + 1 : 0);
  const joinedFirst = Math.min(first, alsoFirst);
  const joinedLast = Math.max(last, alsoLast);
  const also = alsoRows.length > 0 && joinedLast - joinedFirst + 1 - apart <= oneReadRows;
  if (also) [first, last] = [joinedFirst, joinedLast];
  const span = together || also ? read(first, last) : null;
  if (span && also) rememberShadowRows(doc, key, first, span);
  return ranges.map(([from, to]) =>
    checkCells(doc, key, from, span ? span.slice(from - first, to - first + 1) : read(from, to)),
  );
}

/** Cells found sealed this execution: sheet key -> row -> [the cell's text, its content]. */
const verified = new WeakMap<TrackerDocument, Map<SheetKey, Map<number, [string, string]>>>();

interface OpenTable {
  readonly key: SheetKey;
  readonly fromShadow: boolean;
  valuesAt(row: number): readonly unknown[];
  changes(): ReadonlyArray<{ row: number; before: readonly unknown[] }>;
}

/**
 * The commit's part, called before it writes its tables: an audit entry for each forged row whose
 * visible values (as this execution read them, or one getValues per block of forged rows) differ
 * from what `_Shadow` claimed; `rewrite`, called after the tables' writes, writes each forged row's
 * shadow again, sealed, from the row as it now stands.
 */
export function healForged(
  ctx: { doc: TrackerDocument; actor: { email: string }; source: AuditSource; now: Date },
  tables: readonly OpenTable[],
): { entries: AuditEntry[]; rewrite: (write: (key: SheetKey, cells: Map<number, string>) => void) => void } {
  const doc = ctx.doc;
  const entries: AuditEntry[] = [];
  const later: Array<() => [SheetKey, Map<number, string>]> = [];
  const layout = doc.layout();
  for (const [key, rows] of forged.get(doc) ?? []) {
    const sheetLayout = layout.sheets[key];
    const sheet = doc.sheet(key);
    if (!rows.size || !sheetLayout || !sheet) continue;
    const keys = keysByPosition(sheetLayout).slice(1);
    const table = tables.find((t) => t.key === key && !t.fromShadow);
    // The rows as read (a row the use case changes: its values before the change).
    const before = new Map(table ? table.changes().map((c) => [c.row, c.before]) : []);
    const visible = new Map<number, readonly unknown[]>();
    for (const block of contiguousBlocks(rows.keys())) {
      const values = table
        ? null
        : sheet.getRange(block.start, 1, block.count, Math.max(sheetLayout.width, 1)).getValues();
      for (let i = 0; i < block.count; i++)
        visible.set(
          block.start + i,
          table ? (before.get(block.start + i) ?? table.valuesAt(block.start + i)) : values![i],
        );
    }
    const def = sheetDef(key);
    const idCol = def.id ? sheetLayout.cols[def.id.column] : undefined;
    const shadowCol = layout.shadow?.cols[key];
    for (const [row, claimed] of rows) {
      const values = visible.get(row) ?? [];
      const content = encodeShadow(keys, values);
      if (content === claimed.content) continue;
      entries.push({
        timestamp: ctx.now.toISOString(),
        user: ctx.actor.email,
        source: ctx.source,
        sheet: sheet.getName(),
        recordId: idCol ? String(values[idCol - 1] ?? '') : '',
        field: SHADOW_FIELD,
        cell: shadowCol ? `${SHADOW_FIELD}!${columnLetter(shadowCol)}${row}` : a1(row, 1),
        oldValue: fitAuditValue(claimed.raw),
        newValue: fitAuditValue(content),
      });
    }
    const heal = [...rows.keys()];
    rows.clear();
    later.push(() => [
      key,
      new Map(heal.map((row) => [row, encodeShadow(keys, table ? table.valuesAt(row) : visible.get(row)!)])),
    ]);
  }
  return {
    entries,
    rewrite: (write) => {
      for (const next of later) write(...next());
    },
  };
}
