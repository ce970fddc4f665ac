import { checkCanRegister, filterPartners, suggestTier } from '../../../src/domain/partners';
import type { Partner, PartnerStatus } from '../../../src/shared/api';

function partner(id: string, partnerName: string, change: Partial<Partner> = {}): Partner {
  return {
    id,
    partnerName,
    contactName: '',
    contactEmail: '',
    type: 'Referral',
    tier: 'Silver',
    region: '',
    productFocus: '',
    plan: '',
    status: 'Active',
    joinedOn: '2026-01-01',
    notes: '',
    ...change,
  };
}

const partners = [
  partner('P-0001', 'Alpha Partners', { contactName: 'Ann Lee', contactEmail: 'ann@alpha.io', tier: 'Gold' }),
  partner('P-0002', 'Zeta Consulting', { type: 'Reseller', contactEmail: 'zed@zeta.com' }),
  partner('P-0003', 'Beta Partners', { status: 'Paused', contactName: 'José Núñez' }),
  partner('P-0004', 'Omega', { status: 'Terminated', type: 'Reseller' }),
];

describe('checkCanRegister', () => {
  test.each<[string, string | null]>([
    ['P-0001', null],
    ['P-0002', null],
    ['P-0003', 'Leads cannot be registered for Beta Partners (P-0003): the partner is Paused'],
    ['P-0004', 'Leads cannot be registered for Omega (P-0004): the partner is Terminated'],
    ['P-0099', "Partner ID 'P-0099' is not a partner in this tracker"],
  ])('%s', (id, message) => {
    const result = checkCanRegister(id, partners);
    expect(result.ok ? null : result.message).toBe(message);
    if (result.ok) expect(result.partner.id).toBe(id);
  });

  test('a blank status counts as Active', () => {
    expect(checkCanRegister('P-0009', [partner('P-0009', 'New', { status: '' as PartnerStatus })]).ok).toBe(
      true,
    );
  });
});

test.each<[number, string | null]>([
  [0, 'Registered'],
  [999_999, 'Registered'],
  [1_000_000, 'Silver'],
  [4_999_999, 'Silver'],
  [5_000_000, 'Gold'],
  [99_000_000, 'Gold'],
])('suggestTier(%i) = %p', (won, tier) => {
  const thresholds = [
    { tier: 'Gold', fromMinor: 5_000_000 },
    { tier: 'Registered', fromMinor: 0 },
    { tier: 'Silver', fromMinor: 1_000_000 },
  ];
  expect(suggestTier(won, thresholds)).toBe(tier);
});

test('suggestTier with no threshold reached', () => {
  expect(suggestTier(10, [{ tier: 'Gold', fromMinor: 100 }])).toBeNull();
});

describe('filterPartners', () => {
  test.each<[string, object, string[]]>([
    ['everything, by name', {}, ['P-0001', 'P-0003', 'P-0004', 'P-0002']],
    ['search by name', { search: 'partners' }, ['P-0001', 'P-0003']],
    ['search by contact, accents ignored', { search: 'jose nunez' }, ['P-0003']],
    ['search by email', { search: 'ZED@' }, ['P-0002']],
    ['search by id', { search: 'p-0004' }, ['P-0004']],
    ['search words all present', { search: 'alpha ann' }, ['P-0001']],
    ['by type', { type: 'reseller' }, ['P-0004', 'P-0002']],
    ['by tier', { tier: 'Gold' }, ['P-0001']],
    ['by status', { status: 'Paused' }, ['P-0003']],
    ['combined', { type: 'Reseller', status: 'Active' }, ['P-0002']],
    ['nothing matches', { search: 'nobody' }, []],
  ])('%s', (_name, filter, ids) => {
    expect(filterPartners(partners, filter).map((p) => p.id)).toEqual(ids);
  });
});
