import fc from 'fast-check';
import {
  addDays,
  addMonths,
  compareDays,
  daysBetween,
  isIsoDay,
  isoDayOf,
  quarterBounds,
  quarterLabel,
} from '../../src/domain/dates';

describe('isIsoDay', () => {
  test.each([
    ['2026-03-02', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2100-02-29', false],
    ['2000-02-29', true],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-3-2', false],
    ['2026-03-02T00:00:00Z', false],
    ['', false],
  ])('%s -> %s', (day, expected) => {
    expect(isIsoDay(day)).toBe(expected);
  });
});

describe('addDays', () => {
  test.each([
    ['2026-02-01', 90, '2026-05-02'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-03-29', 1, '2026-03-30'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-03-01', 0, '2026-03-01'],
  ])('%s + %i = %s', (day, n, expected) => {
    expect(addDays(day, n)).toBe(expected);
  });

  test('rejects a non-day', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow("'2026-02-30' is not an ISO day");
  });

  test('adding then subtracting returns the day; daysBetween agrees', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60000 }), fc.integer({ min: -5000, max: 5000 }), (base, n) => {
        const day = addDays('1900-01-01', base);
        expect(addDays(addDays(day, n), -n)).toBe(day);
        expect(daysBetween(day, addDays(day, n))).toBe(n);
        expect(Math.sign(compareDays(addDays(day, n), day))).toBe(Math.sign(n));
      }),
    );
  });
});

describe('addMonths', () => {
  test.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-03-15', 12, '2027-03-15'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-05-31', -3, '2026-02-28'],
  ])('%s + %i months = %s', (day, n, expected) => {
    expect(addMonths(day, n)).toBe(expected);
  });
});

describe('quarters', () => {
  test.each([
    ['2026-01-01', 'Q1 2026', '2026-01-01', '2026-03-31'],
    ['2026-03-31', 'Q1 2026', '2026-01-01', '2026-03-31'],
    ['2026-04-01', 'Q2 2026', '2026-04-01', '2026-06-30'],
    ['2026-09-30', 'Q3 2026', '2026-07-01', '2026-09-30'],
    ['2026-12-31', 'Q4 2026', '2026-10-01', '2026-12-31'],
  ])('%s is in %s', (day, label, start, end) => {
    expect(quarterLabel(day)).toBe(label);
    expect(quarterBounds(day)).toEqual({ start, end });
  });
});

test('isoDayOf takes the UTC day of an instant', () => {
  expect(isoDayOf(Date.UTC(2026, 2, 2, 23, 59, 59))).toBe('2026-03-02');
  expect(isoDayOf(Date.UTC(2026, 2, 3, 0, 0, 0))).toBe('2026-03-03');
});
