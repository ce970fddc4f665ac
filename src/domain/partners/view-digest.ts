/**
 * What a partner's view is made of, as one short digest per partner: the text of every row of theirs
 * (Partners, Leads, Commissions, Payouts, with its row number) and what every view shares (the program,
 * its settings, the partners' names). The hourly refresh re-renders only the partners whose digest
 * moved since their view was last written (app/partners/views.ts); the view's own fingerprint still
 * decides whether the file is written. Two independent 32-bit FNV-1a lanes over the text, folded per
 * partner in row order; a row the tracker sealed is taken by its seal (a MAC of its sheet, row and
 * content) instead of its text. A digest, not a check against forgery: the rows a view is rendered
 * from have their seals checked then.
 */

const PRIME_A = 0x01000193;
const PRIME_B = 0x0100019d;

function hashText(text: string, seedA: number, seedB: number): [number, number] {
  let a = seedA;
  let b = seedB;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, PRIME_A);
    b = Math.imul(b ^ c, PRIME_B);
  }
  return [a >>> 0, b >>> 0];
}

function hex(n: number): string {
  return n.toString(16).padStart(8, '0');
}

/** The digest of some texts (in order): 16 hex characters. */
export function textsDigest(texts: readonly string[]): string {
  let a = 0x811c9dc5;
  let b = 0x2f9be6cc;
  for (const text of texts) {
    [a, b] = hashText(text, a, b);
    a = Math.imul(a ^ 0x0a, PRIME_A) >>> 0; // a separator: ["ab"] is not ["a", "b"]
    b = Math.imul(b ^ 0x0a, PRIME_B) >>> 0;
  }
  return hex(a) + hex(b);
}

/** Per-partner digests, fed row by row. */
export class PartnerDigests {
  private readonly lanes = new Map<string, [number, number]>();

  /** Adds a row of `partnerId`'s: its table, row number and text. */
  add(partnerId: string, table: string, row: number, text: string): void {
    const [a0, b0] = this.lanes.get(partnerId) ?? [0x811c9dc5, 0x2f9be6cc];
    const [a, b] = hashText(`${table}\n${row}\n${text}\n`, a0, b0);
    this.lanes.set(partnerId, [a, b]);
  }

  /**
   * Adds a row of `partnerId`'s by its shadow seal (32 hex characters: a MAC of its sheet, row and
   * content, domain/audit/shadow-seal.ts), without reading its text.
   */
  addSeal(partnerId: string, seal: string): void {
    const [a0, b0] = this.lanes.get(partnerId) ?? [0x811c9dc5, 0x2f9be6cc];
    const a = Math.imul(a0 ^ parseInt(seal.slice(0, 8), 16), PRIME_A);
    const b = Math.imul(b0 ^ parseInt(seal.slice(8, 16), 16), PRIME_B);
    this.lanes.set(partnerId, [
      Math.imul(a ^ parseInt(seal.slice(16, 24), 16), PRIME_A) >>> 0,
      Math.imul(b ^ parseInt(seal.slice(24, 32), 16), PRIME_B) >>> 0,
    ]);
  }

  /** The partner's digest, with what every view shares (`common`) and the partner's own extras. */
  of(partnerId: string, common: string, extra = ''): string {
    const [a, b] = this.lanes.get(partnerId) ?? [0, 0];
    return textsDigest([hex(a) + hex(b), common, extra]);
  }
}
