import { chainEntries, verifyRows } from '../../../src/domain/audit/chain';
import { latestArchiveUrl, logAnchor, pointerEntry, rowsToArchive } from '../../../src/domain/audit/archive';
import { contiguousBlocks, rowChanges } from '../../../src/domain/audit/diff';
import { decodeShadow, encodeShadow, shadowValues } from '../../../src/domain/audit/shadow';
import type { AuditEntry } from '../../../src/domain/audit/entry';

const base = { timestamp: '2026-03-02T09:00:00.000Z', user: 'owner@acme.test', source: 'trigger' as const };
const e = (n: number): AuditEntry => ({
  ...base,
  sheet: 'Partners',
  recordId: `P-000${n}`,
  field: 'Tier',
  cell: `F${n}`,
  oldValue: '',
  newValue: 'Gold',
});

describe('rotation', () => {
  it('moves rows down to half the limit, only past the limit', () => {
    expect(rowsToArchive(10, 10)).toBe(0);
    expect(rowsToArchive(11, 10)).toBe(6);
    expect(rowsToArchive(5, 0)).toBe(0);
  });

  it('keeps the chain verifiable across archive and log through the pointer anchor', () => {
    const all = chainEntries('', [e(1), e(2), e(3), e(4)]);
    const archived = all.rows.slice(0, 2);
    const kept = all.rows.slice(2);
    const pointer = pointerEntry(
      { ...base, sheet: 'Audit Log' },
      { archiveId: 'file1', url: 'https://docs.example/file1', anchor: archived[1][9], rows: 2 },
    );
    const tail = chainEntries(all.lastHash, [pointer]);
    const log = [...kept, ...tail.rows];
    expect(logAnchor(log)).toBe(archived[1][9]);
    expect(latestArchiveUrl(log)).toBe('https://docs.example/file1');
    expect(verifyRows(logAnchor(log), log).ok).toBe(true);
    expect(verifyRows('', archived).lastHash).toBe(logAnchor(log));
    expect(logAnchor(all.rows)).toBe('');
    expect(latestArchiveUrl(all.rows)).toBeNull();
  });
});

describe('row diff and blocks', () => {
  it('lists changed columns as audit text', () => {
    expect(rowChanges(['P-1', 'Acme', 5], ['P-1', 'Acme Inc', '5', 'x'])).toEqual([
      { col: 1, oldValue: 'Acme', newValue: 'Acme Inc' },
      { col: 3, oldValue: '', newValue: 'x' },
    ]);
  });

  it('groups row numbers into contiguous blocks', () => {
    expect(contiguousBlocks([7, 3, 4, 5, 9, 4])).toEqual([
      { start: 3, count: 3 },
      { start: 7, count: 1 },
      { start: 9, count: 1 },
    ]);
    expect(contiguousBlocks([])).toEqual([]);
  });
});

describe('shadow cells', () => {
  it('round-trips a row by column key, leaving out empty cells', () => {
    const keys = ['partnerId', 'partnerName', 'notes', '#Owner'];
    const cell = encodeShadow(keys, ['P-0001', 'Acme', '', 'me']);
    expect(cell).toBe('{"partnerId":"P-0001","partnerName":"Acme","#Owner":"me"}');
    expect(shadowValues(['partnerName', '#Owner', 'notes'], decodeShadow(cell))).toEqual(['Acme', 'me', '']);
  });

  it('encodes an empty row as an empty cell and reads junk as an empty row', () => {
    expect(encodeShadow(['a'], [''])).toBe('');
    expect(decodeShadow('not json')).toEqual({});
    expect(decodeShadow('')).toEqual({});
  });
});
