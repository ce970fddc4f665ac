/**
 * Where a person sees why a Won deal earns nothing: a note on the deal's Lead ID cell in Leads
 * ("No commission: Plan 'Gold' is invalid: Rate 'abc' is not a number"), set when the deal is
 * flagged and cleared once it earns.
 *
 * Which Lead ID cells carry such a note (and a short hash of its text) is kept in document
 * properties, written with the execution's one property write: a run reads no notes at all and
 * writes one setNotes per contiguous block of rows whose note changes (past MAX_BLOCKS blocks, one
 * getNotes and one setNotes over their span, so a person's notes in between are written back as
 * they are). A note the tracker did not write is never cleared. When the record is missing (a
 * tracker from before it, or more flagged deals than the properties may hold), the run reads the
 * column's notes once instead, as before, and a full run records what it found.
 */
import { contiguousBlocks } from '../../domain/audit/diff';
import type { Flag } from '../../domain/commissions';
import type { TrackerDocument } from '../../sheets/document';
import type { Table } from '../../sheets/table';
import { formatId, idNumber, isStandardId } from '../../shared/ids';

export const FLAG_NOTE_PREFIX = 'No commission: ';

/** Property keys: `${FLAG_NOTES_PROPERTY}.0` (header and first chunk), `.1`, ... */
export const FLAG_NOTES_PROPERTY = 'commissionFlagNotes';
const VERSION = 'f1';
/** Characters per property value (the store allows 9 KB per value; the text is ASCII). */
const CHUNK = 8000;
/** Past this many chunks the record is dropped ("unknown") and runs read the notes again. */
const MAX_CHUNKS = 8;
/** setNotes calls per run at most before the changed span is read and written in one call. */
const MAX_BLOCKS = 10;

/** Lead ID -> hash of the note text the tracker last wrote on its cell. */
type NoteRecord = Map<string, string>;

const text = (value: unknown) => String(value ?? '').trim();

/** A 3-character hash of a note (FNV-1a): tells a changed reason from the one already written. */
export function noteHash(note: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < note.length; i++) {
    h ^= note.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return ((h >>> 0) % 46656).toString(36).padStart(3, '0');
}

/** The number of a Lead ID as the tracker writes it (L-000123), null for any other id. */
function standardNumber(id: string): number | null {
  return isStandardId('lead', id) ? idNumber('lead', id) : null;
}

/**
 * The record as text: standard ids (L-000123) as the base-36 difference from the previous one, other
 * ids escaped after '~', each followed by its 3-character hash; entries separated by ','.
 */
export function encodeNoteRecord(record: NoteRecord): string {
  const standard: Array<[number, string]> = [];
  const other: Array<[string, string]> = [];
  for (const [id, hash] of record) {
    const n = standardNumber(id);
    if (n === null) other.push([id, hash]);
    else standard.push([n, hash]);
  }
  standard.sort((a, b) => a[0] - b[0]);
  other.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  let previous = 0;
  const entries = standard.map(([n, hash]) => {
    const entry = (n - previous).toString(36) + hash;
    previous = n;
    return entry;
  });
  for (const [id, hash] of other) entries.push(`~${encodeURIComponent(id)}${hash}`);
  return entries.join(',');
}

export function decodeNoteRecord(encoded: string): NoteRecord | null {
  const record: NoteRecord = new Map();
  if (encoded === '') return record;
  let previous = 0;
  for (const entry of encoded.split(',')) {
    if (entry.length < 4) return null;
    const hash = entry.slice(-3);
    const head = entry.slice(0, -3);
    if (head.startsWith('~')) {
      try {
        record.set(decodeURIComponent(head.slice(1)), hash);
      } catch {
        return null;
      }
      continue;
    }
    const delta = parseInt(head, 36);
    if (!/^[0-9a-z]+$/.test(head) || !Number.isSafeInteger(delta)) return null;
    previous += delta;
    record.set(formatId('lead', previous), hash);
  }
  return record;
}

const chunkKey = (i: number) => `${FLAG_NOTES_PROPERTY}.${i}`;

/** The record kept in the document properties, or null when there is none (or it is unreadable). */
function readRecord(doc: TrackerDocument): NoteRecord | null {
  const head = doc.property(chunkKey(0));
  if (!head) return null;
  const match = /^f1\|(\d+)\|/.exec(head);
  if (!match) return null;
  const count = Number(match[1]);
  if (count < 1 || count > MAX_CHUNKS) return null;
  let encoded = head.slice(match[0].length);
  for (let i = 1; i < count; i++) {
    const chunk = doc.property(chunkKey(i));
    if (chunk === null) return null;
    encoded += chunk;
  }
  return decodeNoteRecord(encoded);
}

/** Queues the record for the execution's property write (only when it changed). */
function saveRecord(doc: TrackerDocument, record: NoteRecord | null): void {
  const previous = /^f1\|(\d+)\|/.exec(doc.property(chunkKey(0)) ?? '');
  const previousCount = previous ? Math.min(Number(previous[1]), MAX_CHUNKS) : 0;
  const chunks: string[] = [];
  if (record) {
    const encoded = encodeNoteRecord(record);
    for (let at = 0; at < encoded.length || chunks.length === 0; at += CHUNK)
      chunks.push(encoded.slice(at, at + CHUNK));
  }
  const fits = record !== null && chunks.length <= MAX_CHUNKS;
  const values = fits ? chunks : [];
  const first = fits ? `${VERSION}|${values.length}|${values[0]}` : `${VERSION}|unknown`;
  if (doc.property(chunkKey(0)) !== first) doc.setProperty(chunkKey(0), first);
  for (let i = 1; i < Math.max(values.length, previousCount); i++) {
    const value = values[i] ?? '';
    if ((doc.property(chunkKey(i)) ?? '') !== value) doc.setProperty(chunkKey(i), value);
  }
}

/**
 * Sets and clears the flag notes. `flags`: every flagged deal of the pass; `scope`: the leads the
 * pass judged (closeLead: the closed deal's partner's), whose notes may change; without it, every
 * lead of the table (and a recorded note on a lead no longer in it is forgotten).
 */
export function writeFlagNotes(
  doc: TrackerDocument,
  leads: Table,
  flags: readonly Flag[],
  scope?: ReadonlySet<string>,
): void {
  const rowsOf = new Map<string, number[]>();
  for (const { row, record } of leads.rows()) {
    const id = text(record.leadId);
    if (id === '' || (scope && !scope.has(id))) continue;
    const rows = rowsOf.get(id);
    if (rows) rows.push(row);
    else rowsOf.set(id, [row]);
  }
  const reasons = new Map<string, string[]>();
  for (const flag of flags) {
    if (!rowsOf.has(flag.leadId)) continue;
    reasons.set(flag.leadId, [...(reasons.get(flag.leadId) ?? []), flag.reason]);
  }
  const wanted = new Map([...reasons].map(([id, why]) => [id, FLAG_NOTE_PREFIX + why.join('; ')]));
  const record = readRecord(doc);
  if (record === null) {
    readAndWrite(doc, leads, rowsOf, wanted, !scope);
    return;
  }
  const next: NoteRecord = new Map(record);
  const changes = new Map<number, string>();
  const judged = scope ? [...rowsOf.keys()] : [...new Set([...record.keys(), ...rowsOf.keys()])];
  for (const id of judged) {
    const rows = rowsOf.get(id);
    if (!rows) {
      next.delete(id); // no longer in Leads (its note went with its row)
      continue;
    }
    const note = wanted.get(id);
    const had = record.get(id);
    if (note !== undefined) {
      const hash = noteHash(note);
      if (had === hash) continue;
      for (const row of rows) changes.set(row, note);
      next.set(id, hash);
    } else if (had !== undefined) {
      for (const row of rows) changes.set(row, '');
      next.delete(id);
    }
  }
  writeNotes(leads, changes);
  saveRecord(doc, next);
}

/** One setNotes per contiguous block; past MAX_BLOCKS, the span read once and written once. */
function writeNotes(leads: Table, changes: ReadonlyMap<number, string>): void {
  if (changes.size === 0) return;
  const col = leads.col('leadId');
  const blocks = contiguousBlocks(changes.keys());
  if (blocks.length <= MAX_BLOCKS) {
    for (const { start, count } of blocks) {
      const notes = Array.from({ length: count }, (_, i) => [changes.get(start + i) ?? '']);
      stageNotes(leads, start, col, notes);
    }
    return;
  }
  const first = blocks[0].start;
  const last = blocks[blocks.length - 1].start + blocks[blocks.length - 1].count - 1;
  const current = leads.sheet.getRange(first, col, last - first + 1, 1).getNotes();
  stageNotes(
    leads,
    first,
    col,
    current.map((r, i) => [changes.get(first + i) ?? String(r[0] ?? '')]),
  );
}

/** Notes are made with the execution's journaled write (see sheets/journal.ts). */
function stageNotes(leads: Table, row: number, col: number, notes: string[][]): void {
  leads.doc.stage({ k: 'notes', s: leads.layout.id, n: leads.layout.name, r: row, c: col, v: notes });
}

/**
 * Without a record: the notes of the judged rows' span read once, ours (by their prefix) set or
 * cleared, written over the span that changes. A run over every lead (`complete`) then records the
 * notes it leaves, so the next run reads none.
 */
function readAndWrite(
  doc: TrackerDocument,
  leads: Table,
  rowsOf: ReadonlyMap<string, number[]>,
  wanted: ReadonlyMap<string, string>,
  complete: boolean,
): void {
  let first = Infinity;
  let last = 0;
  for (const rows of rowsOf.values())
    for (const row of rows) {
      first = Math.min(first, row);
      last = Math.max(last, row);
    }
  if (last < 2) {
    if (complete) saveRecord(doc, new Map());
    return;
  }
  const col = leads.col('leadId');
  const current = leads.sheet
    .getRange(first, col, last - first + 1, 1)
    .getNotes()
    .map((r) => String(r[0] ?? ''));
  const notes = [...current];
  const record: NoteRecord = new Map();
  for (const [id, rows] of rowsOf) {
    const note = wanted.get(id);
    for (const row of rows) {
      const at = row - first;
      if (note !== undefined) notes[at] = note;
      else if (notes[at].startsWith(FLAG_NOTE_PREFIX)) notes[at] = '';
    }
    if (note !== undefined) record.set(id, noteHash(note));
  }
  const changed = notes.map((note, i) => (note !== current[i] ? i : -1)).filter((i) => i >= 0);
  if (changed.length > 0) {
    const from = changed[0];
    const to = changed[changed.length - 1];
    stageNotes(
      leads,
      first + from,
      col,
      notes.slice(from, to + 1).map((note) => [note]),
    );
  }
  if (complete) saveRecord(doc, record);
}
