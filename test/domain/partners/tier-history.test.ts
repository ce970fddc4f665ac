/** Partners > Tier History stays within a cell however long it grew (domain/partners/tier-email.ts). */
import { TIER_HISTORY_MAX, withTierHistoryLine } from '../../../src/domain/partners/tier-email';

const line = (i: number) => `2026-03-${String((i % 28) + 1).padStart(2, '0')}: Silver -> Gold (change ${i})`;

describe('Tier History', () => {
  it('adds the line below what is there while it fits, as before', () => {
    expect(withTierHistoryLine('', line(1))).toBe(line(1));
    expect(withTierHistoryLine(line(1), line(2))).toBe(`${line(1)}\n${line(2)}`);
  });

  it('past its room, keeps the newest lines: for every length a history can reach', () => {
    let history = '';
    for (let i = 0; i < 2_000; i++) {
      const next = withTierHistoryLine(history, line(i));
      expect(next.length).toBeLessThanOrEqual(TIER_HISTORY_MAX);
      expect(next.endsWith(line(i))).toBe(true);
      // Only whole lines, the oldest, are left out.
      expect(`${history}\n${line(i)}`.endsWith(next)).toBe(true);
      history = next;
    }
  });

  it('a history pasted by hand as one long line gives way to the new line', () => {
    expect(withTierHistoryLine('x'.repeat(49_000), line(1))).toBe(line(1));
  });
});
