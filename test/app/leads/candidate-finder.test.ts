/**
 * The form intake's lookup of the active registrations near each candidate (candidateFinder: grouped
 * by company domain and name block once) gives, for every candidate after the first, exactly the
 * entries, in the same order, that one scan gives (candidatesFor): the conflict check sees the same
 * leads either way. Over random indexes and candidates.
 */
import fc from 'fast-check';
import { candidateFinder, candidatesFor } from '../../../src/app/leads/active-leads';
import { companyDomainOf, nameKey } from '../../../src/domain/leads';
import type { IndexEntry } from '../../../src/sheets/lead-index';
import { Days } from '../../../src/sheets/days';
import { NEAR_COMPANIES, NEAR_DOMAINS } from '../../support/near-names';

const COMPANIES = [...NEAR_COMPANIES, 'A'];
const DOMAINS = [...NEAR_DOMAINS, 'GLOBEX.example'];

const candidate = fc.record({
  company: fc.oneof(fc.constantFrom(...COMPANIES), fc.string({ maxLength: 12 })),
  domain: fc.constantFrom(...DOMAINS),
  contactEmail: fc.constantFrom('', 'pat@initech.example', 'x@gmail.com'),
});

function entryOf(row: number, c: { company: string; domain: string; contactEmail: string }): IndexEntry {
  return [
    row,
    `L-${String(row).padStart(6, '0')}`,
    'P-0001',
    'Alpha',
    c.company,
    companyDomainOf(c) ?? '',
    nameKey(c.company),
    row % 2 ? 'Submitted' : 'Approved',
    '2026-06-01',
    '2026-03-01',
    0,
  ];
}

describe('candidateFinder', () => {
  it('finds for every candidate what one scan finds, in the same order', () => {
    const days = new Days('Etc/UTC');
    fc.assert(
      fc.property(
        fc.array(candidate, { maxLength: 40 }),
        fc.array(candidate, { minLength: 1, maxLength: 8 }),
        (stored, asked) => {
          const entries = stored.map((c, i) => entryOf(i + 2, c));
          const find = candidateFinder(() => entries.values(), days);
          for (const c of asked)
            expect(find(c).map((l) => l.id)).toEqual(
              candidatesFor(entries.values(), c, days).map((l) => l.id),
            );
        },
      ),
      { numRuns: 300, seed: 18 },
    );
  });
});
