/**
 * Days reads a Date cell as the calendar day it shows in the spreadsheet's time zone. It asks Intl once
 * per quarter hour and derives the rest from the offset: the same answer as asking Intl every time,
 * across DST changes and zones with quarter- and half-hour offsets.
 */
import fc from 'fast-check';
import { Days } from '../../src/sheets/days';

const ZONES = [
  'UTC',
  'America/New_York',
  'America/Los_Angeles',
  'Europe/London',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'America/St_Johns',
  'Asia/Tokyo',
];

function dayByIntl(zone: string, ms: number): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(ms));
}

const FROM = Date.UTC(2000, 0, 1);
const TO = Date.UTC(2040, 0, 1);

test('dayOf agrees with Intl for any instant in any zone', () => {
  fc.assert(
    fc.property(fc.constantFrom(...ZONES), fc.integer({ min: FROM, max: TO }), (zone, ms) => {
      expect(new Days(zone).dayOf(new Date(ms))).toBe(dayByIntl(zone, ms));
    }),
    { numRuns: 2000 },
  );
});

test('dayOf agrees with Intl minute by minute around DST changes (one Days, its cache warm)', () => {
  const cases: Array<[string, number]> = [
    ['America/New_York', Date.UTC(2026, 2, 8, 6, 0)], // spring forward 02:00 local
    ['America/New_York', Date.UTC(2026, 10, 1, 5, 0)], // fall back 02:00 local
    ['Europe/Berlin', Date.UTC(2026, 2, 29, 0, 0)],
    ['Australia/Lord_Howe', Date.UTC(2026, 3, 4, 14, 0)], // a half-hour change
    ['Pacific/Chatham', Date.UTC(2026, 3, 4, 13, 0)],
  ];
  for (const [zone, around] of cases) {
    const days = new Days(zone);
    for (let ms = around - 3 * 3_600_000; ms <= around + 3 * 3_600_000; ms += 60_000)
      expect([zone, ms, days.dayOf(new Date(ms))]).toEqual([zone, ms, dayByIntl(zone, ms)]);
  }
});

test('dayToCell gives the instant of midnight in the zone, which reads back as the same day', () => {
  fc.assert(
    fc.property(fc.constantFrom(...ZONES), fc.integer({ min: 0, max: 14_000 }), (zone, offset) => {
      const day = new Date(FROM + offset * 86_400_000).toISOString().slice(0, 10);
      const days = new Days(zone);
      const cell = days.dayToCell(day) as Date;
      expect(days.dayOf(cell)).toBe(day);
      expect(dayByIntl(zone, cell.getTime() - 1)).not.toBe(day);
    }),
    { numRuns: 500 },
  );
});
