/**
 * The lead index's entries as a reader holds them (lead-index.ts): the chunks' entries are found by
 * scanning the chunks' text (where each entry and each of its fields starts, in typed arrays) and an
 * entry is parsed only when a caller takes it, so a call that needs a page of 50 or one partner's
 * deals does not make 100,000 arrays. The changes since the fold (pending entries, dirty ranges, the
 * window) are laid over them with a Map's semantics: an entry set again keeps its place, one deleted
 * and set again comes last; iteration gives the order a Map filled the same way would.
 */
/** An entry: an array whose first member is its row (lead-index.ts T). */
type Entry = readonly unknown[];

/** Fields an entry has at most (an active registration: 11), and the slot after them (its `]`). */
const FIELDS = 11;
const STRIDE = FIELDS + 1;
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const OPEN = 91;
const CLOSE = 93;

/** A field's JSON text as the value it encodes (a string without escapes: sliced, not parsed). */
function decodeField(raw: string): unknown {
  if (raw.charCodeAt(0) === QUOTE && raw.indexOf('\\') < 0) return raw.slice(1, -1);
  return JSON.parse(raw) as unknown;
}

/** The entries of the chunks' JSON arrays (`texts[n]` from `starts[n]`), scanned, not parsed. */
class ScannedEntries<T extends Entry> {
  count = 0;
  private rows: Int32Array;
  private chunkOf: Int32Array;
  private widths: Uint8Array;
  /** Per entry, STRIDE positions: where each field starts, then where its `]` is. */
  private at: Int32Array;

  constructor(private readonly texts: readonly string[]) {
    // Room for entries of about 100 characters (an active registration: 150 or more; a deal: 70).
    let chars = 0;
    for (const text of texts) chars += text.length;
    const room = Math.max(64, Math.ceil(chars / 100));
    this.rows = new Int32Array(room);
    this.chunkOf = new Int32Array(room);
    this.widths = new Uint8Array(room);
    this.at = new Int32Array(room * STRIDE);
  }

  /**
   * Scans `texts[chunk]` from `from` (its `[`): false when it is not an array of arrays of numbers
   * and strings of at most FIELDS, each starting with a whole row number above the one before.
   */
  scan(chunk: number, from: number): boolean {
    const text = this.texts[chunk];
    let i = from;
    if (text.charCodeAt(i++) !== OPEN) return false;
    if (text.charCodeAt(i) === CLOSE) return i + 1 === text.length;
    for (;;) {
      if (text.charCodeAt(i++) !== OPEN) return false;
      const n = this.count;
      this.grow(n + 1);
      const base = n * STRIDE;
      let fields = 1;
      this.at[base] = i;
      for (;;) {
        const c = text.charCodeAt(i);
        if (c === QUOTE) {
          // To the closing quote: one not escaped (an even run of backslashes before it).
          let j = i + 1;
          for (;;) {
            j = text.indexOf('"', j);
            if (j < 0) return false;
            let back = 0;
            while (text.charCodeAt(j - 1 - back) === BACKSLASH) back++;
            if (back % 2 === 0) break;
            j++;
          }
          i = j + 1;
        } else if (c === COMMA) {
          if (fields === FIELDS) return false;
          this.at[base + fields++] = ++i;
        } else if (c === CLOSE) break;
        // (c !== c: past the end, NaN. No global is looked up in this loop: in the emulator's
        // sandbox each lookup of one costs a call out of the script.)
        else if (c === OPEN || c === 123 || c !== c) return false;
        else i++;
      }
      this.at[base + FIELDS] = i;
      const row = this.wholeNumber(text, this.at[base], fields > 1 ? this.at[base + 1] - 1 : i);
      if (row === null || (n > 0 && row <= this.rows[n - 1])) return false;
      this.rows[n] = row;
      this.chunkOf[n] = chunk;
      this.widths[n] = fields;
      this.count = n + 1;
      const next = text.charCodeAt(++i);
      if (next === COMMA) i++;
      else return next === CLOSE && i + 1 === text.length;
    }
  }

  private wholeNumber(text: string, from: number, to: number): number | null {
    if (to <= from || to - from > 9) return null;
    let value = 0;
    for (let i = from; i < to; i++) {
      const d = text.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return null;
      value = value * 10 + d;
    }
    return value;
  }

  private grow(size: number): void {
    if (size <= this.rows.length) return;
    const length = Math.ceil(this.rows.length * 1.5);
    const bigger = <U extends Int32Array | Uint8Array>(old: U, make: (n: number) => U, n: number): U => {
      const out = make(n);
      out.set(old);
      return out;
    };
    this.rows = bigger(this.rows, (n) => new Int32Array(n), length);
    this.chunkOf = bigger(this.chunkOf, (n) => new Int32Array(n), length);
    this.widths = bigger(this.widths, (n) => new Uint8Array(n), length);
    this.at = bigger(this.at, (n) => new Int32Array(n), length * STRIDE);
  }

  row(i: number): number {
    return this.rows[i];
  }

  width(i: number): number {
    return this.widths[i];
  }

  /** The index of the entry of `row`, or -1. */
  find(row: number): number {
    let low = 0;
    let high = this.count - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const at = this.rows[mid];
      if (at === row) return mid;
      if (at < row) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  }

  /** Field `f` of entry `i`, decoded. */
  field(i: number, f: number): unknown {
    const base = i * STRIDE;
    const end = f + 1 < this.widths[i] ? this.at[base + f + 1] - 1 : this.at[base + FIELDS];
    return decodeField(this.texts[this.chunkOf[i]].slice(this.at[base + f], end));
  }

  entry(i: number): T {
    const base = i * STRIDE;
    return JSON.parse(this.texts[this.chunkOf[i]].slice(this.at[base] - 1, this.at[base + FIELDS] + 1)) as T;
  }
}

/** Entries by row, in a Map's order: the scanned chunks' first, then those set since (see above). */
export class IndexEntries<T extends Entry> {
  private readonly scanned: ScannedEntries<T>;
  /** Scanned entries replaced (their entry) or deleted (null). */
  private readonly changed = new Map<number, T | null>();
  /** Entries of rows the chunks do not hold (or deleted from them and set again), in the order set. */
  private readonly added = new Map<number, T>();

  constructor(texts: readonly string[]) {
    this.scanned = new ScannedEntries<T>(texts);
  }

  /** Scans a chunk's entries (its JSON array from `from`); false when they are not as written. */
  scan(chunk: number, from: number): boolean {
    return this.scanned.scan(chunk, from);
  }

  set(row: number, entry: T): void {
    const i = this.scanned.find(row);
    if (i >= 0 && this.changed.get(i) !== null) this.changed.set(i, entry);
    else this.added.set(row, entry);
  }

  delete(row: number): void {
    const i = this.scanned.find(row);
    if (i >= 0 && this.changed.get(i) !== null) this.changed.set(i, null);
    this.added.delete(row);
  }

  /**
   * The entries of `width` fields (11: active registrations, 7: deals) whose field `f` `keep`
   * accepts, in order; only those are parsed.
   */
  where(width: number, f: number, keep: (value: unknown) => boolean): T[] {
    const out: T[] = [];
    const scanned = this.scanned;
    for (let i = 0; i < scanned.count; i++) {
      const changed = this.changed.get(i);
      if (changed === null) continue;
      if (changed) {
        if (changed.length === width && keep(changed[f])) out.push(changed);
      } else if (scanned.width(i) === width && keep(scanned.field(i, f))) out.push(scanned.entry(i));
    }
    for (const entry of this.added.values()) if (entry.length === width && keep(entry[f])) out.push(entry);
    return out;
  }

  /** Every entry, in order, as a Map (each parsed). */
  toMap(): Map<number, T> {
    const out = new Map<number, T>();
    const scanned = this.scanned;
    for (let i = 0; i < scanned.count; i++) {
      const changed = this.changed.get(i);
      if (changed !== null) out.set(scanned.row(i), changed ?? scanned.entry(i));
    }
    for (const [row, entry] of this.added) out.set(row, entry);
    return out;
  }
}
