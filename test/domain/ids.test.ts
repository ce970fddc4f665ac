import fc from 'fast-check';
import { ID_FORMATS, allocateIds, idNumber, idSequence, nextId, type IdKind } from '../../src/domain/ids';
import { exampleId, formatId, isStandardId, looksLikeId } from '../../src/shared/ids';

describe('nextId', () => {
  test.each<[IdKind, string[], string]>([
    ['partner', [], 'P-0001'],
    ['lead', [], 'L-000001'],
    ['commission', ['C-000001', 'C-000002'], 'C-000003'],
    ['payout', ['PO-0007'], 'PO-0008'],
    ['plan', ['PL-001', 'PL-002'], 'PL-003'],
    ['partner', ['P-0001', 'P-0005', 'P-0003'], 'P-0006'],
    ['partner', ['P-9999'], 'P-10000'],
    ['partner', ['P-10000', 'P-0002'], 'P-10001'],
    ['partner', [' P-0004 ', '', 'junk', 'P-12a', 'PO-0099', 'L-000050'], 'P-0005'],
    ['payout', ['P-0042'], 'PO-0001'],
  ])('%s after %p is %s', (kind, existing, expected) => {
    expect(nextId(kind, existing)).toBe(expected);
  });
});

test('allocateIds hands out consecutive ids after the highest', () => {
  expect(allocateIds('lead', ['L-000009'], 3)).toEqual(['L-000010', 'L-000011', 'L-000012']);
  expect(allocateIds('lead', ['L-000009'], 0)).toEqual([]);
  const next = idSequence('commission', ['C-000041', null, 7]);
  expect([next(), next()]).toEqual(['C-000042', 'C-000043']);
});

test('the formats of the tracker', () => {
  expect((Object.keys(ID_FORMATS) as IdKind[]).map(exampleId)).toEqual([
    'P-0001',
    'L-000001',
    'C-000001',
    'PO-0001',
    'PL-001',
  ]);
});

test.each<[IdKind, unknown, number | null]>([
  ['lead', 'L-000042', 42],
  ['lead', ' L-7 ', 7],
  ['lead', 'L-', null],
  ['lead', 'L-12a', null],
  ['partner', 'PO-0001', null],
  ['payout', 'PO-0001', 1],
  ['plan', 'PL-010', 10],
  ['commission', null, null],
])('idNumber(%s, %p) is %p', (kind, id, n) => {
  expect(idNumber(kind, id)).toBe(n);
});

test.each<[IdKind, string, boolean, boolean]>([
  ['lead', 'L-000042', true, true],
  ['lead', 'L-0000042', true, false],
  ['lead', 'L-42', false, false],
  ['lead', 'L-1234567', true, true],
  ['partner', 'P-0001', true, true],
  ['partner', 'P-001', false, false],
  ['partner', 'PL-0001', false, false],
])('%s %p: typed as an id %p, as the tracker writes it %p', (kind, id, typed, standard) => {
  expect(looksLikeId(kind, id)).toBe(typed);
  expect(isStandardId(kind, id)).toBe(standard);
});

test('allocated ids are unique and never one already present', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 1, max: 20000 }), { maxLength: 50 }),
      fc.integer({ min: 1, max: 30 }),
      (numbers, count) => {
        const existing = numbers.map((n) => formatId('partner', n));
        const ids = allocateIds('partner', existing, count);
        expect(new Set(ids).size).toBe(count);
        for (const id of ids) expect(existing).not.toContain(id);
        // A second allocation that sees the first never repeats it.
        const more = allocateIds('partner', [...existing, ...ids], count);
        for (const id of more) expect(ids).not.toContain(id);
      },
    ),
  );
});
