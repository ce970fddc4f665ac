/**
 * The seal check of a shadow cell read back, made for a column of 100,000 cells: the same MAC as
 * shadow-seal.ts (HMAC-SHA-256 of "shadow\n" + sheet + "\n" + row + "\n" + content, its first 32
 * hex), computed straight from the cell's text. The library's HMAC (what seals are written with)
 * wants the message as one fresh UTF-8 byte array and goes through checks, views and buffers per
 * message: at 60 MB of shadow text a dashboard refresh spent most of its script time there. Here
 * the key's inner and outer states are made once, the characters of the prefix, of the content (the
 * cell up to its seal member, then "}") go four to a word into one reused block, and the tag's
 * hex is compared in place. ASCII only (the tracker's JSON escapes nothing above it, but a person's
 * text can hold any character): a cell with another character answers null and is checked by the
 * library's HMAC. Tested against node:crypto and against the library's HMAC.
 */
import { hexToBytes } from '@noble/hashes/utils';
import type { ChainKey } from './chain';

/** SHA-256's round constants (FIPS 180-4, 4.2.2). */
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);
/** SHA-256's initial state (FIPS 180-4, 5.3.3). */
const IV = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
const BLOCK = 64;

/** One SHA-256 block (w[0..15], big-endian words) into state h; w[16..63] are overwritten. */
function compress(h: Int32Array, w: Int32Array): void {
  for (let i = 16; i < 64; i++) {
    const x = w[i - 15];
    const y = w[i - 2];
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
  }
  let a = h[0];
  let b = h[1];
  let c = h[2];
  let d = h[3];
  let e = h[4];
  let f = h[5];
  let g = h[6];
  let hh = h[7];
  for (let i = 0; i < 64; i++) {
    const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (hh + s1 + ((e & f) ^ (~e & g)) + K[i] + w[i]) | 0;
    const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    hh = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  h[0] = (h[0] + a) | 0;
  h[1] = (h[1] + b) | 0;
  h[2] = (h[2] + c) | 0;
  h[3] = (h[3] + d) | 0;
  h[4] = (h[4] + e) | 0;
  h[5] = (h[5] + f) | 0;
  h[6] = (h[6] + g) | 0;
  h[7] = (h[7] + hh) | 0;
}

/**
 * Whether `tag` (the 32 hex the cell holds from `tagAt`) is the seal of `row`'s content, the content
 * being the cell's text up to `contentEnd` followed by "}" (none when `contentEnd` is 0: an empty
 * row). null: the message has a character above ASCII (check it with the library's HMAC).
 */
export type SealCheck = (
  sheet: string,
  row: number,
  cell: string,
  contentEnd: number,
  tagAt: number,
) => boolean | null;

export function sealCheck(key: ChainKey): SealCheck {
  const keyBytes = new Uint8Array(BLOCK);
  keyBytes.set(hexToBytes(key));
  const w = new Int32Array(64);
  const inner = new Int32Array(IV);
  const outer = new Int32Array(IV);
  const padded = (pad: number, into: Int32Array) => {
    for (let i = 0; i < 16; i++)
      w[i] =
        ((keyBytes[4 * i] << 24) |
          (keyBytes[4 * i + 1] << 16) |
          (keyBytes[4 * i + 2] << 8) |
          keyBytes[4 * i + 3]) ^
        pad;
    compress(into, w);
  };
  padded(0x36363636, inner);
  padded(0x5c5c5c5c, outer);
  const h = new Int32Array(8);
  // The block being filled: `n` bytes so far (of `total`), the last word's bytes in `word`.
  let n = 0;
  let word = 0;
  let total = 0;
  const feed = (text: string, from: number, to: number): boolean => {
    let i = from;
    // One character at a time up to a word boundary, then four to a word, then the rest.
    for (; i < to; i++) {
      if ((n & 3) === 0 && to - i >= 4) {
        const a = text.charCodeAt(i);
        const b = text.charCodeAt(i + 1);
        const c = text.charCodeAt(i + 2);
        const d = text.charCodeAt(i + 3);
        if ((a | b | c | d) > 0x7f) return false;
        w[n >> 2] = (a << 24) | (b << 16) | (c << 8) | d;
        i += 3;
        n += 4;
      } else {
        const code = text.charCodeAt(i);
        if (code > 0x7f) return false;
        word = (word << 8) | code;
        if ((++n & 3) !== 0) continue;
        w[(n >> 2) - 1] = word;
        word = 0;
      }
      if (n === BLOCK) {
        compress(h, w);
        n = 0;
      }
    }
    total += to - from;
    return true;
  };
  /** Pads the message (total + the key block's 64 bytes) into its last block(s). */
  const finish = () => {
    word = (word << 8) | 0x80;
    n++;
    if (n & 3) word <<= 8 * (4 - (n & 3));
    w[(n - 1) >> 2] = word;
    for (let i = (n + 3) >> 2; i < 16; i++) w[i] = 0;
    if (n > BLOCK - 8) {
      compress(h, w);
      for (let i = 0; i < 16; i++) w[i] = 0;
    }
    const bits = (total + BLOCK) * 8;
    w[14] = Math.floor(bits / 0x100000000);
    w[15] = bits | 0;
    compress(h, w);
  };
  const hexAt = (text: string, at: number): boolean => {
    for (let i = 0; i < 32; i++) {
      const nibble = (h[i >> 3] >>> (28 - 4 * (i & 7))) & 15;
      if (text.charCodeAt(at + i) !== (nibble < 10 ? 48 + nibble : 87 + nibble)) return false;
    }
    return true;
  };
  return (sheet, row, cell, contentEnd, tagAt) => {
    h.set(inner);
    n = 0;
    word = 0;
    total = 0;
    const prefix = `shadow\n${sheet}\n${row}\n`;
    if (!feed(prefix, 0, prefix.length)) return null;
    if (contentEnd > 0 && !(feed(cell, 0, contentEnd) && feed('}', 0, 1))) return null;
    finish();
    // The outer hash of the inner digest (32 bytes, then its padding).
    for (let i = 0; i < 8; i++) w[i] = h[i];
    w[8] = 0x80000000;
    for (let i = 9; i < 15; i++) w[i] = 0;
    w[15] = (BLOCK + 32) * 8;
    h.set(outer);
    compress(h, w);
    return hexAt(cell, tagAt);
  };
}
