/**
 * A Conflict cell stays readable and within what a cell holds, however many registrations overlap
 * (domain/leads/overlap.ts): checked for every count up to far past the 50,000 characters a cell holds.
 */
import {
  CONFLICT_NOTES_SHOWN,
  conflictText,
  ownConflict,
  withLaterRegistration,
} from '../../../src/domain/leads/overlap';
import { leadMessages } from '../../../src/domain/leads/messages';

const LONG = 'A'.repeat(200); // the longest company name a registration takes

const reason = (i: number) =>
  leadMessages.ownNearName(
    `${LONG} ${i}`,
    `${LONG} 0`,
    'L-000001',
    '2026-05-31',
    `different domains x${i}.test and x0.test`,
  );

describe('Conflict text', () => {
  it('names the first conflicts and counts the rest', () => {
    for (let n = 0; n <= 400; n++) {
      const text = conflictText(Array.from({ length: n }, (_, i) => reason(i)));
      expect(text.length).toBeLessThan(50_000);
      const parts = text ? text.split('; ') : [];
      expect(parts.length).toBe(Math.min(n, CONFLICT_NOTES_SHOWN) + (n > CONFLICT_NOTES_SHOWN ? 1 : 0));
      if (n > CONFLICT_NOTES_SHOWN)
        expect(parts.at(-1)).toBe(
          `and ${n - CONFLICT_NOTES_SHOWN} more possible conflict${n - CONFLICT_NOTES_SHOWN === 1 ? '' : 's'}`,
        );
    }
  });

  it('an earlier lead names its first later registrations, counts the rest, and its own conflict stays', () => {
    let text = reason(1);
    for (let i = 2; i <= 1000; i++) {
      text = withLaterRegistration(text, `L-${String(i).padStart(6, '0')}`, `${LONG} Partners`);
      expect(text.length).toBeLessThan(50_000);
      expect(ownConflict(text)).toBe(reason(1));
      const later = i - 1;
      const counted = later - CONFLICT_NOTES_SHOWN;
      if (counted > 0)
        expect(
          text.endsWith(
            `; and ${counted} more later registration${counted === 1 ? '' : 's'} for the same company`,
          ),
        ).toBe(true);
      else expect(text.split('; ')).toHaveLength(1 + later);
    }
    // The same later registration is noted once.
    expect(withLaterRegistration(text, 'L-000002', `${LONG} Partners`)).toBe(text);
  });
});

describe('Conflict text grown by hand', () => {
  it('a later registration is counted, not named, when naming it would take the cell too far', () => {
    const pasted = 'x'.repeat(39_990);
    let text = pasted;
    for (let i = 2; i <= 50; i++)
      text = withLaterRegistration(text, `L-${String(i).padStart(6, '0')}`, 'Beta');
    expect(text).toBe(`${pasted}; and 49 more later registrations for the same company`);
  });
});
