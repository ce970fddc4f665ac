/**
 * The lead index's reader (src/sheets/lead-index-entries.ts) against what it replaces: the chunks
 * parsed whole into a Map, the changes since the fold set and deleted on it. Same entries, same
 * order, same picks; the digest Apps Script computes is the domain rule's (cellsDigest).
 */
import fc from 'fast-check';
import { IndexEntries } from '../../src/sheets/lead-index-entries';
import { chunksDigest } from '../../src/sheets/chunks-digest';
import { cellsDigest } from '../../src/domain/audit/shadow-seal';
import { EmuUtilities } from '../../emulator/services/utilities';
import { Runtime } from '../../emulator/runtime';
import type { StoredEntry } from '../../src/sheets/lead-index';

const text = fc.oneof(
  fc.constantFrom('', 'Submitted', 'Approved', 'Won', ' won ', 'P-0001', 'P-0002 '),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
const active = (row: number) =>
  fc
    .tuple(text, text, text, text, text, text, text, text, text, fc.constantFrom<0 | 1>(0, 1))
    .map((t): StoredEntry => [row, ...t]);
const deal = (row: number) =>
  fc.tuple(text, text, text, text, text, text).map((t): StoredEntry => [row, ...t]);
const entryAt = (row: number) => fc.oneof(active(row), deal(row));

const program = fc.uniqueArray(fc.integer({ min: 2, max: 60 }), { maxLength: 30 }).chain((rows) =>
  fc.record({
    stored: fc.tuple(...rows.sort((a, b) => a - b).map(entryAt)),
    cuts: fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 3 }),
    ops: fc.array(
      fc
        .integer({ min: 2, max: 62 })
        .chain((row) => fc.option(entryAt(row), { nil: undefined }).map((entry) => ({ row, entry }))),
      { maxLength: 25 },
    ),
  }),
);

test('the scanned chunks with changes laid over them are the Map the whole parse made', () => {
  fc.assert(
    fc.property(program, fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 6 }), (p, width, f) => {
      const cuts = [...new Set([0, ...p.cuts.filter((c) => c < p.stored.length), p.stored.length])].sort(
        (a, b) => a - b,
      );
      const texts: string[] = [];
      const starts: number[] = [];
      for (let n = 0; n + 1 < cuts.length || n === 0; n++) {
        const part = p.stored.slice(cuts[n] ?? 0, cuts[n + 1] ?? 0);
        const head = `#${n}|${part[0]?.[0] ?? 2}|`;
        texts.push(`${head}${JSON.stringify(part)}`);
        starts.push(head.length);
        if (n + 2 >= cuts.length) break;
      }
      const entries = new IndexEntries<StoredEntry>(texts);
      texts.forEach((_, n) => expect(entries.scan(n, starts[n])).toBe(true));
      const map = new Map<number, StoredEntry>();
      for (const t of texts)
        for (const e of JSON.parse(t.slice(t.indexOf('|', t.indexOf('|') + 1) + 1)) as StoredEntry[])
          map.set(e[0], e);
      for (const { row, entry } of p.ops)
        if (entry) {
          const e = [row, ...entry.slice(1)] as StoredEntry;
          map.set(row, e);
          entries.set(row, e);
        } else {
          map.delete(row);
          entries.delete(row);
        }
      expect([...entries.toMap()]).toEqual([...map]);
      const len = width > 7 ? 11 : 7;
      const keep = (v: unknown) => typeof v === 'string' && v.trim().length % 2 === 0;
      expect(entries.where(len, f, keep)).toEqual(
        [...map.values()].filter((e) => e.length === len && keep(e[f])),
      );
    }),
  );
});

test('a chunk not as the index writes it is refused', () => {
  for (const bad of [
    '[[3,"a"],[2,"b"]]',
    '[[2,"a"]',
    '[[2,{"a":1}]]',
    '[2]',
    '[[2,"a"]]x',
    '[["2","a"]]',
    '[[2,"a\\"]]',
  ])
    expect(new IndexEntries([bad]).scan(0, 0)).toBe(false);
  expect(new IndexEntries(['[]']).scan(0, 0)).toBe(true);
});

test("the chunks' digest computed by Apps Script is the domain rule's", () => {
  (globalThis as { Utilities?: unknown }).Utilities = new EmuUtilities(
    new Runtime('owner@acme.test', '2026-01-01T09:00:00Z'),
  );
  try {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary', maxLength: 40 }).map((s) => JSON.stringify([s]))),
        (texts) => {
          expect(chunksDigest(texts)).toBe(cellsDigest(texts));
        },
      ),
    );
  } finally {
    delete (globalThis as { Utilities?: unknown }).Utilities;
  }
});
