/**
 * The tamper-evident chain. Each row's Hash is, in hex,
 *   HMAC-SHA-256(key, previous Hash + "\n" + JSON.stringify([timestamp, user, source, sheet, recordId, field, cell, oldValue, newValue]))
 * where the first row's previous Hash is "" (or, after rotation, the hash of the last archived row),
 * the key is the tracker's own (created at set-up, kept in the add-on's document properties: see
 * sheets/audit-key.ts) and the nine values are exactly the text the cells hold: the Audit Log's
 * columns are plain text, so what is written is what is read back and hashed, whatever it starts
 * with (- + = @ '), whatever it spans (lines, any Unicode). JSON of an array of strings is
 * unambiguous (no separator can be forged inside a value) and the same in every JavaScript engine.
 *
 * Rows written before the tracker had a key (plain SHA-256 of the same text, values starting with
 * = + - @ stored with an apostrophe) still verify, but only before the first keyed row: a keyed row
 * chains from them, so none of them can be changed without breaking it.
 */
import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils';
import { type AuditEntry, entryRow, rowEntry } from './entry';
import { utf8Bytes } from './utf8';
import { restoreNeutralized } from '../formula-text';

export const GENESIS_HASH = '';

/** The chain's key: 32 random bytes as 64 hex characters. */
export type ChainKey = string;

export function isChainKey(text: string | null | undefined): text is ChainKey {
  return !!text && /^[0-9a-f]{64}$/.test(text);
}

export function canonicalEntry(entry: AuditEntry): string {
  return JSON.stringify(entryRow(entry));
}

/** The row's hash: HMAC-SHA-256 with the key; plain SHA-256 (the rows of a log older than its key) without. */
export function entryHash(previousHash: string, entry: AuditEntry, key?: ChainKey): string {
  const message = utf8Bytes(`${previousHash}\n${canonicalEntry(entry)}`);
  return bytesToHex(key ? hmac(sha256, hexToBytes(key), message) : sha256(message));
}

/** Chains entries after `previousHash`: the rows to append (ten cells each) and the new last hash. */
export function chainEntries(
  previousHash: string,
  entries: readonly AuditEntry[],
  key?: ChainKey,
): { rows: string[][]; lastHash: string } {
  let hash = previousHash;
  const rows = entries.map((entry) => {
    hash = entryHash(hash, entry, key);
    return [...entryRow(entry), hash];
  });
  return { rows, lastHash: hash };
}

/** What is wrong with one row of the log (0-based index into the rows checked). */
export interface ChainProblem {
  index: number;
  /**
   * blank: an empty row; inserted: a row the next one chains past; changed: a row whose next row chains
   * from its hash but whose own hash does not match (its content changed, or rows above it were
   * deleted or moved: a keyed chain cannot tell which); out-of-chain: a row that neither follows the
   * one above it nor leads to the next.
   */
  kind: 'blank' | 'inserted' | 'changed' | 'out-of-chain';
}

export interface ChainCheck {
  ok: boolean;
  rows: number;
  /** Index (0-based, into `rows`) of the first row whose hash does not match; null when all match. */
  firstBad: number | null;
  /** The hash the next row would chain from (the last row the tracker wrote that is still there). */
  lastHash: string;
  /** Every row found wrong, in order (at most `MAX_PROBLEMS`); `more` counts the rest. */
  problems: ChainProblem[];
  more: number;
}

export const MAX_PROBLEMS = 50;

const isBlank = (row: readonly unknown[]) => row.every((v) => v === '' || v === null || v === undefined);

/**
 * Recomputes the chain over Audit Log rows (ten cells each) from `previousHash`. A row that does not
 * match is classified by its neighbour, so the check goes on and reports every altered row: a blank
 * row (inserted, or an entry cleared), a row the tracker never wrote (the next row chains past it),
 * a row whose content changed (the next row chains from its stored hash), or a row that does not
 * follow the one above it (rows deleted or moved before it: the check resumes from its hash).
 * `tailHash` (the hash of the last entry the tracker wrote) judges the last row the same way.
 * `legacyEnd`: the last unkeyed hash of a log that was keyed later ("" when keyed from the start).
 */
export function verifyRows(
  previousHash: string,
  rows: readonly (readonly unknown[])[],
  key?: ChainKey,
  tailHash?: string,
  legacyEnd?: string,
): ChainCheck {
  let hash = previousHash;
  // Unkeyed rows are accepted only up to the hash the log had when its key was made (`legacyEnd`:
  // "" for a log keyed from its first row), or, when that is not known, up to the first keyed row.
  let keyedSeen =
    key !== undefined && (legacyEnd === '' || (legacyEnd !== undefined && previousHash === legacyEnd));
  const problems: ChainProblem[] = [];
  let count = 0;
  const matches = (prev: string, row: readonly unknown[] | undefined): string | null => {
    if (!row || isBlank(row)) return null;
    const stored = String(row[9] ?? '');
    if (key && stored === entryHash(prev, rowEntry(row), key)) {
      keyedSeen = true;
      return stored;
    }
    if (key && keyedSeen) return null;
    const legacy =
      stored === entryHash(prev, rowEntry(row)) ||
      // A legacy row stored "-15.00" as "'-15.00" (the formula rule) and hashed the value without it.
      stored === entryHash(prev, rowEntry(row.map(restoreNeutralized)));
    if (!legacy) return null;
    if (key && stored === legacyEnd) keyedSeen = true;
    return stored;
  };
  const report = (index: number, kind: ChainProblem['kind']) => {
    count++;
    if (problems.length < MAX_PROBLEMS) problems.push({ index, kind });
  };
  for (let i = 0; i < rows.length; i++) {
    const ok = matches(hash, rows[i]);
    if (ok !== null) {
      hash = ok;
      continue;
    }
    const row = rows[i];
    if (isBlank(row)) {
      report(i, 'blank');
      continue;
    }
    const stored = String(row[9] ?? '');
    const seen: boolean = keyedSeen;
    // The last row is judged by the tail the tracker recorded (the hash of its last entry).
    const atEnd = i + 1 === rows.length && tailHash !== undefined;
    if (atEnd ? hash === tailHash : matches(hash, rows[i + 1]) !== null) {
      keyedSeen = seen;
      report(i, 'inserted');
    } else if (atEnd ? stored === tailHash : matches(stored, rows[i + 1]) !== null) {
      keyedSeen = seen;
      report(i, 'changed');
      hash = stored;
    } else {
      keyedSeen = seen;
      report(i, 'out-of-chain');
      hash = stored;
    }
  }
  return {
    ok: count === 0,
    rows: rows.length,
    firstBad: problems.length ? problems[0].index : null,
    lastHash: hash,
    problems,
    more: count - problems.length,
  };
}
