/**
 * A journal too big for the document properties lies in `_Shadow`'s journal column and, with a
 * landing mark, stays there (src/sheets/journal.ts): the next journal writes over its cells. Its
 * marker keeps the text's length, so cells that now hold another journal are never replayed as it.
 */
import fc from 'fast-check';
import { utf8Bytes } from '../../src/domain/audit/utf8';
import type { DocumentHost } from '../../src/sheets/document-host';
import {
  JOURNAL_PROPERTY,
  applyOp,
  byteLength,
  journalFor,
  readJournal,
  type JournalDone,
  type WriteOp,
} from '../../src/sheets/journal';

const SPOT = { s: 7, n: '_Shadow', r: 2, c: 7 };
const DONE: JournalDone = { s: 3, n: 'Audit Log', r: 40, hash: 'h', w: 10, p: 39, ph: 'g' } as JournalDone;

/** One write of a text long enough that no property holds its journal. */
const write = (text: string): WriteOp[] => [{ k: 'values', s: 1, n: 'Leads', r: 2, c: 1, v: [[text]] }];

/** A document whose journal column holds `cells` (what a range read gives back). */
const holding = (cells: string[][]): DocumentHost =>
  ({ range: () => ({ getValues: () => cells }) }) as unknown as DocumentHost;

describe('a journal in the sheet, kept with its landing mark', () => {
  const first = journalFor(write('a'.repeat(9_000)), [], 0, () => SPOT, DONE);
  const marker = first.properties[JOURNAL_PROPERTY];

  it('goes to the cells, stays there (no emptying write) and reads back as its writes', () => {
    expect(first.cells?.values).toHaveLength(1);
    expect(first.cleanup).toBeNull();
    expect(JSON.parse(marker)).toMatchObject({ at: { chunks: 1 }, done: DONE });
    expect(readJournal(holding(first.cells!.values), marker, () => null)).toEqual(write('a'.repeat(9_000)));
  });

  it('is never replayed from cells a later journal wrote over (same number of cells, other writes)', () => {
    const later = journalFor(write('b'.repeat(12_000)), [], 0, () => SPOT, DONE);
    expect(later.cells?.values).toHaveLength(1);
    expect(readJournal(holding(later.cells!.values), marker, () => null)).toBeNull();
  });

  it('without a landing mark is emptied after its writes', () => {
    const unmarked = journalFor(write('c'.repeat(9_000)), [], 0, () => SPOT);
    expect(unmarked.cleanup).toMatchObject({ k: 'values', r: SPOT.r, c: SPOT.c, v: [['']] });
  });
});

describe('the byte count of a journal', () => {
  it('is the length of its UTF-8 encoding, for any text (lone surrogates as U+FFFD)', () => {
    const unit = fc.oneof(
      fc.integer({ min: 0, max: 0x7f }),
      fc.integer({ min: 0x80, max: 0xffff }),
      fc.constantFrom(0xd800, 0xdbff, 0xdc00, 0xdfff),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), (codes) => {
        const text = String.fromCharCode(...codes);
        expect(byteLength(text)).toBe(utf8Bytes(text).length);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('a values op with rows the sheet holds already (`same`)', () => {
  const rows = Array.from({ length: 40 }, (_, i) => [`row ${i} ${'x'.repeat(500)}`]);
  const op: WriteOp = {
    k: 'values',
    s: 7,
    n: '_Shadow',
    r: 10,
    c: 3,
    v: rows,
    same: [...Array(40).keys()].filter((i) => i !== 3 && i !== 30),
  };

  it('is stored as a patch of the other rows: the journal is their size, not the range’s', () => {
    const journal = journalFor([op], [], 1_000_000, () => SPOT, DONE);
    const stored = JSON.parse(journal.properties[JOURNAL_PROPERTY]) as { ops: unknown[] };
    expect(stored.ops).toEqual([
      {
        k: 'patch',
        s: 7,
        n: '_Shadow',
        r: 10,
        c: 3,
        h: 40,
        w: 1,
        p: [
          [3, rows[3]],
          [30, rows[30]],
        ],
      },
    ]);
    expect(byteLength(journal.properties[JOURNAL_PROPERTY])).toBeLessThan(2 * 600 + 400);
  });

  it('applied again, reads the range and writes it with the patch rows over what it holds', () => {
    const journal = journalFor([op], [], 1_000_000, () => SPOT, DONE);
    const [patch] = readJournal(holding([]), journal.properties[JOURNAL_PROPERTY], () => null)!;
    // the sheet as the failed execution left it: the patch rows not written yet, a row the op keeps
    const sheet = rows.map((r, i) => (i === 3 || i === 30 ? ['old'] : r));
    const calls: string[] = [];
    let written: unknown[][] = [];
    const doc = {
      range: (s: number, n: string, r: number, c: number, h: number, w: number) => {
        calls.push(`${n} R${r}C${c} ${h}x${w}`);
        return {
          getValues: () => sheet.map((row) => [...row]),
          setValues: (v: unknown[][]) => (written = v),
        };
      },
    } as unknown as DocumentHost;
    applyOp(doc, patch);
    expect(calls).toEqual(['_Shadow R10C3 40x1']);
    expect(written).toEqual(rows);
  });
});
