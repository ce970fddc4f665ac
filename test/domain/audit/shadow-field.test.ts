/** Reading one field of a shadow cell without parsing it agrees with parsing it. */
import fc from 'fast-check';
import { encodeShadow } from '../../../src/domain/audit/shadow';
import { mayFallOn, shadowField } from '../../../src/domain/audit/shadow-field';
import { addDays } from '../../../src/domain/dates';

const KEYS = ['leadId', 'status', 'notes', 'expiresOn', 'key', '#Status'];
const nasty = fc.oneof(
  fc.string(),
  fc.constantFrom('"status":"Won"', '\\', '\\"', '"', 'Approved', '"key":"x"', 'é😀', '\n\t'),
);

test('shadowField(raw, key) is JSON.parse(raw)[key] for any cell encodeShadow writes', () => {
  fc.assert(
    fc.property(fc.array(nasty, { minLength: KEYS.length, maxLength: KEYS.length }), (values) => {
      const raw = encodeShadow(KEYS, values);
      const parsed = raw ? (JSON.parse(raw) as Record<string, string>) : {};
      for (const key of KEYS) expect(shadowField(raw, key)).toBe(parsed[key] ?? '');
    }),
    { numRuns: 2000 },
  );
});

test('mayFallOn keeps every instant whose day in some zone (UTC-12..UTC+14) is in the range', () => {
  const zones = [-12 * 60, -5 * 60, 0, 5 * 60 + 45, 14 * 60];
  fc.assert(
    fc.property(
      fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) }),
      fc.constantFrom(...zones),
      fc.integer({ min: 0, max: 20 }),
      (ms, offsetMinutes, span) => {
        const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 10);
        const iso = new Date(ms).toISOString();
        expect(mayFallOn(iso, local, addDays(local, span))).toBe(true);
        expect(mayFallOn(iso, addDays(local, -span), local)).toBe(true);
      },
    ),
    { numRuns: 2000 },
  );
  expect(mayFallOn('2026-05-01T03:00:00.000Z', '2026-04-10', '2026-04-20')).toBe(false);
  expect(mayFallOn('', '2026-04-10', '2026-04-20')).toBe(false);
  expect(mayFallOn('next Tuesday', '2026-04-10', '2026-04-20')).toBe(true);
});
