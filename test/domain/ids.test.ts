import fc from 'fast-check';
import { ID_FORMATS, allocateIds, nextId } from '../../src/domain/ids';

describe('nextId', () => {
  test.each<[string, number, string[], string]>([
    ['P', 4, [], 'P-0001'],
    ['L', 6, [], 'L-000001'],
    ['C', 6, ['C-000001', 'C-000002'], 'C-000003'],
    ['PO', 4, ['PO-0007'], 'PO-0008'],
    ['PL', 3, ['PL-001', 'PL-002'], 'PL-003'],
    ['P', 4, ['P-0001', 'P-0005', 'P-0003'], 'P-0006'],
    ['P', 4, ['P-9999'], 'P-10000'],
    ['P', 4, ['P-10000', 'P-0002'], 'P-10001'],
    ['P', 4, [' P-0004 ', '', 'junk', 'P-12a', 'PO-0099', 'L-000050'], 'P-0005'],
    ['PO', 4, ['P-0042'], 'PO-0001'],
  ])('%s width %i after %p is %s', (prefix, width, existing, expected) => {
    expect(nextId(prefix, width, existing)).toBe(expected);
  });
});

test('allocateIds hands out consecutive ids after the highest', () => {
  expect(allocateIds('L', 6, ['L-000009'], 3)).toEqual(['L-000010', 'L-000011', 'L-000012']);
  expect(allocateIds('L', 6, ['L-000009'], 0)).toEqual([]);
});

test('the formats of the tracker', () => {
  expect(Object.values(ID_FORMATS).map(({ prefix, width }) => nextId(prefix, width, []))).toEqual([
    'P-0001',
    'L-000001',
    'C-000001',
    'PO-0001',
    'PL-001',
  ]);
});

test('allocated ids are unique and never one already present', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 1, max: 20000 }), { maxLength: 50 }),
      fc.integer({ min: 1, max: 30 }),
      (numbers, count) => {
        const existing = numbers.map((n) => `P-${String(n).padStart(4, '0')}`);
        const ids = allocateIds('P', 4, existing, count);
        expect(new Set(ids).size).toBe(count);
        for (const id of ids) expect(existing).not.toContain(id);
        // A second allocation that sees the first never repeats it.
        const more = allocateIds('P', 4, [...existing, ...ids], count);
        for (const id of more) expect(ids).not.toContain(id);
      },
    ),
  );
});
