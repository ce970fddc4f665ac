/**
 * The seal of a shadow row: THE rule that keeps a hand edit of the hidden `_Shadow` sheet from being
 * trusted. Each shadow cell the tracker writes carries, as its last JSON member, a MAC:
 *   "~": first 32 hex of HMAC-SHA-256(audit key, "shadow\n" + sheet key + "\n" + row + "\n" + content)
 * where content is the row's JSON without the member ("" for a row written empty: `{"~":"…"}`). The
 * key is the audit chain's (sheets/audit-key.ts: the add-on's document properties, which no person
 * and no other script can read), so a person who retypes a cell, or copies another row's cell (the
 * sheet key and row are covered), cannot make it check. One cell, one write: the seal rides the same
 * setValues as the row. What it cannot catch: a cell put back to the very text the tracker once
 * wrote in that same row (a replay); the README says so.
 */
import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils';
import type { ChainKey } from './chain';
import type { SealCheck } from './seal-check';
import { utf8Into } from './utf8';

const MAC_HEX = 32;
const MEMBER = '"~":"';
/** Characters a seal adds to a row's JSON (`,"~":"` + 32 hex + `"`): room kept in every shadow cell. */
export const SEAL_ROOM = 1 + MEMBER.length + MAC_HEX + 1;

export type ShadowMac = (sheet: string, row: number, content: string) => string;

/**
 * The MAC function of `key` (its HMAC state made once: a column of 100,000 rows reuses it). Each call
 * copies that state into one working HMAC and encodes into one buffer, both reused, and turns only
 * the 16 bytes the seal keeps into hex: the same MAC as a fresh HMAC per cell, without its objects.
 */
export function shadowMac(key: ChainKey): ShadowMac {
  const base = hmac.create(sha256, hexToBytes(key));
  const work = base.clone();
  const digest = new Uint8Array(base.outputLen);
  let buffer = new Uint8Array(1024);
  return (sheet, row, content) => {
    const text = `shadow\n${sheet}\n${row}\n${content}`;
    if (buffer.length < text.length * 3) buffer = new Uint8Array(text.length * 3);
    const length = utf8Into(text, buffer);
    base._cloneInto(work);
    work.update(buffer.subarray(0, length));
    work.digestInto(digest);
    return bytesToHex(digest.subarray(0, MAC_HEX / 2));
  };
}

/** The cell the tracker writes for `content` (a row's JSON, or "" for an empty row) at `row`. */
export function sealShadow(mac: ShadowMac, sheet: string, row: number, content: string): string {
  const tag = `${MEMBER}${mac(sheet, row, content)}"}`;
  return content === '' ? `{${tag}` : `${content.slice(0, -1)},${tag}`;
}

/** A shadow cell as read: its content, and whether its seal checks. */
export interface CheckedShadow {
  content: string;
  /** sealed: the seal checks; blank: an empty cell (never written, or cleared); forged: anything else. */
  state: 'sealed' | 'blank' | 'forged';
}

/**
 * Reads a shadow cell back: the content without its seal, and whether the seal checks. `quick`: the
 * same MAC computed from the cell's text (seal-check.ts), for a column of many cells; `mac` is used
 * when it cannot answer.
 */
export function checkShadow(
  mac: ShadowMac,
  sheet: string,
  row: number,
  cell: unknown,
  quick?: SealCheck,
): CheckedShadow {
  const text = typeof cell === 'string' ? cell : String(cell ?? '');
  if (text === '') return { content: '', state: 'blank' };
  const content = unsealed(text);
  if (content === null) return { content: text, state: 'forged' };
  const tagAt = text.length - MAC_HEX - 2;
  const checked =
    quick?.(sheet, row, text, content === '' ? 0 : tagAt - MEMBER.length - 1, tagAt) ??
    text.slice(tagAt, tagAt + MAC_HEX) === mac(sheet, row, content);
  return { content, state: checked ? 'sealed' : 'forged' };
}

/**
 * The seal (its 32 hex characters) of a sealed-looking cell, without checking it, or '' when it has
 * none: a digest of the cell's sheet, row and content, for a reader that only asks whether a row
 * changed (the caller checks the seal of any row whose content it uses).
 */
export function sealOf(cell: unknown): string {
  const text = typeof cell === 'string' ? cell : String(cell ?? '');
  const end = text.length - 2;
  if (end < MAC_HEX + MEMBER.length || !text.endsWith('"}')) return '';
  return text.slice(end - MAC_HEX - MEMBER.length, end - MAC_HEX) === MEMBER
    ? text.slice(end - MAC_HEX, end)
    : '';
}

/** The content of a sealed-looking cell (its MAC member removed), or null when it has none. */
export function unsealed(text: string): string | null {
  const end = text.length - MAC_HEX - 2;
  if (end < 1 || !text.endsWith('"}')) return null;
  if (text.startsWith(`{${MEMBER}`) && end === 1 + MEMBER.length) return '';
  if (text.slice(end - MEMBER.length - 1, end) !== `,${MEMBER}`) return null;
  return `${text.slice(0, end - MEMBER.length - 1)}}`;
}

/**
 * The digest of cells whose whole text is recorded where no person can write (a document property,
 * e.g. the lead index's chunks): any change of them, even one of the same length, no longer matches.
 */
export function cellsDigest(texts: readonly string[]): string {
  // The texts joined by "\n", hashed as they are encoded (one buffer reused: no joined copy of them).
  const hash = sha256.create();
  const newline = Uint8Array.of(10);
  let buffer = new Uint8Array(1024);
  texts.forEach((text, i) => {
    if (i > 0) hash.update(newline);
    if (buffer.length < text.length * 3) buffer = new Uint8Array(text.length * 3);
    hash.update(buffer.subarray(0, utf8Into(text, buffer)));
  });
  return bytesToHex(hash.digest()).slice(0, MAC_HEX);
}
