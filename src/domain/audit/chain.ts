/**
 * The tamper-evident chain. Each row's Hash = SHA-256 (hex) of
 *   previous Hash + "\n" + JSON.stringify([timestamp, user, source, sheet, recordId, field, cell, oldValue, newValue])
 * where the first row's previous Hash is "" (or, after rotation, the hash of the last archived row).
 * JSON of an array of strings is unambiguous (no separator can be forged inside a value) and the same
 * in every JavaScript engine, so the serialization is canonical.
 */
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex } from '@noble/hashes/utils';
import { type AuditEntry, entryRow, rowEntry } from './entry';
import { utf8Bytes } from './utf8';
import { restoreNeutralized } from '../formula-text';

export const GENESIS_HASH = '';

export function canonicalEntry(entry: AuditEntry): string {
  return JSON.stringify(entryRow(entry));
}

export function entryHash(previousHash: string, entry: AuditEntry): string {
  return bytesToHex(sha256(utf8Bytes(`${previousHash}\n${canonicalEntry(entry)}`)));
}

/** Chains entries after `previousHash`: the rows to append (ten cells each) and the new last hash. */
export function chainEntries(
  previousHash: string,
  entries: readonly AuditEntry[],
): { rows: string[][]; lastHash: string } {
  let hash = previousHash;
  const rows = entries.map((entry) => {
    hash = entryHash(hash, entry);
    return [...entryRow(entry), hash];
  });
  return { rows, lastHash: hash };
}

export interface ChainCheck {
  ok: boolean;
  rows: number;
  /** Index (0-based, into `rows`) of the first row whose hash does not match; null when all match. */
  firstBad: number | null;
  lastHash: string;
}

/** Recomputes the chain over Audit Log rows (ten cells each), starting from `previousHash`. */
export function verifyRows(previousHash: string, rows: readonly (readonly unknown[])[]): ChainCheck {
  let hash = previousHash;
  for (let i = 0; i < rows.length; i++) {
    const stored = String(rows[i][9] ?? '');
    let expected = entryHash(hash, rowEntry(rows[i]));
    // A value the formula rule wrote with an apostrophe ("-15.00" as "'-15.00") reads back with it
    // from a plain-text cell: the entry hashed was the value without it.
    if (stored !== expected) {
      const restored = entryHash(hash, rowEntry(rows[i].map(restoreNeutralized)));
      if (stored === restored) expected = restored;
    }
    if (stored !== expected) return { ok: false, rows: rows.length, firstBad: i, lastHash: hash };
    hash = expected;
  }
  return { ok: true, rows: rows.length, firstBad: null, lastHash: hash };
}
