/**
 * Issue 14, item 8: a partner is refused only for the same company as one of its own active
 * registrations (the same normalized name or the same domain); a near-identical name with a
 * different explicit domain, or one that differs in a number, is registered and flagged with the
 * reason. Across partners a near-identical name is flagged as before. Real company-name pairs.
 */
import { buildLeadIndex, findConflicts } from '../../../src/domain/leads';
import { lead } from './fixtures';

const today = '2026-03-01';

type Outcome = 'refused' | 'flagged' | 'registered';

function outcome(
  existing: { company: string; domain?: string },
  candidate: { company: string; domain?: string },
  samePartner = true,
): { outcome: Outcome; reason: string } {
  const index = buildLeadIndex([
    lead({ id: 'L-000001', company: existing.company, domain: existing.domain ?? '', partnerId: 'P-0001' }),
  ]);
  const report = findConflicts({ candidate, partnerId: samePartner ? 'P-0001' : 'P-0002', index, today });
  if (report.duplicateOf) return { outcome: 'refused', reason: '' };
  const reason = report.conflicts.map((c) => c.reason).join('; ');
  return { outcome: reason ? 'flagged' : 'registered', reason };
}

describe('the same partner registering a near-identical name', () => {
  it.each<[string, string, string, string, Outcome, RegExp | null]>([
    // the same company: refused
    ['Acme Inc', 'acme.com', 'ACME Corp.', '', 'refused', null],
    ['Northwind Traders', 'northwind.com', 'Northwind Trading Company', 'northwind.com', 'refused', null],
    ['Unit 4 Systems', 'unit4.example', 'Unit 4 Systems Ltd', '', 'refused', null],
    ['Initech', '', 'initech', 'initech.com', 'refused', null],
    // near-identical, but another company: registered and flagged with the reason
    [
      'Unit 4 Systems',
      'unit4.example',
      'Unit 5 Systems',
      'unit5.example',
      'flagged',
      /different domains unit5\.example and unit4\.example/,
    ],
    ['Unit 4 Systems', '', 'Unit 5 Systems', '', 'flagged', /the names differ in a number/],
    [
      'Northwind Traders East',
      'nw-east.example',
      'Northwind Traders West',
      'nw-west.example',
      'flagged',
      /different domains/,
    ],
    ['Globex Corporation', '', 'Globexx Corporation', '', 'flagged', /check it is another company/],
    ['Studio 54 Events', '', 'Studio 55 Events', '', 'flagged', /differ in a number/],
    ['Company 1', '', 'Company 2', '', 'flagged', /differ in a number/],
    ['Phase One Labs', 'phaseone.example', 'Phase Two Labs', 'phasetwo.example', 'registered', null],
    // not near at all
    ['Acme Inc', 'acme.com', 'Stark Industries', 'stark.com', 'registered', null],
  ])('%s (%s) then %s (%s): %s', (company, domain, nextCompany, nextDomain, expected, reason) => {
    const got = outcome({ company, domain }, { company: nextCompany, domain: nextDomain || undefined });
    expect(got.outcome).toBe(expected);
    if (reason) expect(got.reason).toMatch(reason);
    if (expected === 'flagged')
      expect(got.reason).toMatch(
        /^possible duplicate: company name '.*' is close to '.*' of your own L-000001/,
      );
  });

  it.each([
    ['Unit 4 Systems', 'Unit 5 Systems'],
    ['Northwind Traders East', 'Northwind Traders West'],
    ['Globex Corporation', 'Globexx Corporation'],
  ])('another partner registering %s after %s: flagged as before, never refused', (company, next) => {
    const got = outcome({ company }, { company: next }, false);
    expect(got.outcome).toBe('flagged');
    expect(got.reason).toMatch(/^company name '.*' matches '.*' of L-000001/);
  });
});
