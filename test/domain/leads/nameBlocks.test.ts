import fc from 'fast-check';
import {
  allowedEdits,
  charMask,
  editDistance,
  indexBlocks,
  keysMatchMasked,
  queryBlocks,
  withinEdits,
} from '../../../src/domain/leads';

const letters = fc
  .array(fc.constantFrom(...'abcdeo'.split('')), { minLength: 1, maxLength: 16 })
  .map((a) => a.join(''));
const edit = fc.tuple(
  fc.constantFrom('insert', 'delete', 'substitute', 'swap'),
  fc.nat(),
  fc.constantFrom(...'abcx'.split('')),
);

function apply(key: string, [kind, at, letter]: [string, number, string]): string {
  const i = key.length === 0 ? 0 : at % key.length;
  if (kind === 'insert') return key.slice(0, i) + letter + key.slice(i);
  if (kind === 'delete') return key.slice(0, i) + key.slice(i + 1);
  if (kind === 'substitute') return key.slice(0, i) + letter + key.slice(i + 1);
  return i + 1 < key.length ? key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2) : key;
}

test('a stored key within the edit budget of a query shares a block with it (no match is missed)', () => {
  fc.assert(
    fc.property(letters, fc.array(edit, { maxLength: 2 }), (stored, edits) => {
      const query = edits.reduce(apply, stored);
      const budget = allowedEdits(Math.min(stored.length, query.length));
      fc.pre(query !== '' && editDistance(stored, query) <= budget);
      const wanted = new Set(queryBlocks(query));
      expect(indexBlocks(stored).some((block) => wanted.has(block))).toBe(true);
    }),
    { numRuns: 3000 },
  );
});

test('a query looks up a bounded number of blocks', () => {
  expect(queryBlocks('a'.repeat(40)).length).toBeLessThanOrEqual(125);
  expect(queryBlocks('')).toEqual([]);
});

test('the masked, banded check agrees with the edit distance on every pair', () => {
  const key = fc
    .array(fc.constantFrom(...'abcdeo0179'.split('')), { minLength: 0, maxLength: 14 })
    .map((a) => a.join(''));
  fc.assert(
    fc.property(key, fc.array(edit, { maxLength: 3 }), key, (stored, edits, other) => {
      for (const query of [edits.reduce(apply, stored), other]) {
        const max = allowedEdits(Math.min(stored.length, query.length));
        const expected =
          stored !== '' &&
          query !== '' &&
          (stored === query || (max > 0 && editDistance(stored, query) <= max));
        expect(keysMatchMasked(stored, charMask(stored), query, charMask(query))).toBe(expected);
        for (let budget = 0; budget <= 2; budget++)
          expect(withinEdits(stored, query, budget)).toBe(editDistance(stored, query) <= budget);
      }
    }),
    { numRuns: 3000 },
  );
});
