import { decideTier } from '../../../src/domain/partners/decide-tier';
import { earnedTier, tierProgress, type WonDeal } from '../../../src/domain/partners/tier-progress';
import { parseTierRules } from '../../../src/domain/partners/tier-rules';

const TIERS = ['Registered', 'Silver', 'Gold', 'Platinum'];
const { rules } = parseTierRules(
  ['Registered', 'Silver | 10000 | 12 | 2 | any', 'Gold | 50,000 | 12 | 5 | all', 'Platinum | 200000 | 12'],
  TIERS,
  'USD',
);
const deal = (closedOn: string, major: number): WonDeal => ({ closedOn, valueMinor: major * 100 });

describe('parseTierRules', () => {
  it('reads the entries in the Tiers order', () => {
    expect(rules.map((r) => [r.tier, r.minWonMinor, r.months, r.minWonDeals, r.match])).toEqual([
      ['Registered', null, 12, null, 'all'],
      ['Silver', 1000000, 12, 2, 'any'],
      ['Gold', 5000000, 12, 5, 'all'],
      ['Platinum', 20000000, 12, null, 'all'],
    ]);
  });

  test.each([
    [
      'Diamond | 5',
      "Tier Rules 'Diamond | 5': 'Diamond' is not one of the Tiers: Registered, Silver, Gold, Platinum.",
    ],
    ['Gold | lots', "Tier Rules 'Gold | lots': won value 'lots' is not an amount of zero or more."],
    ['Gold | 5 | 0', "Tier Rules 'Gold | 5 | 0': months '0' is not a whole number from 1 to 120."],
    [
      'Gold | 5 | 12 | 1.5',
      "Tier Rules 'Gold | 5 | 12 | 1.5': won deals '1.5' is not a whole number of zero or more.",
    ],
    ['Gold | 5 | 12 | 1 | most', "Tier Rules 'Gold | 5 | 12 | 1 | most': 'most' is not all or any."],
    [
      'Gold | 1 | 2 | 3 | all | x',
      "Tier Rules 'Gold | 1 | 2 | 3 | all | x': write it as Tier | won value | months | won deals | all or any (e.g. Gold | 50000 | 12 | 5 | all).",
    ],
  ])('%s is refused', (entry, problem) => {
    expect(parseTierRules([entry], TIERS, 'USD')).toEqual({ rules: [], problems: [problem] });
  });
});

describe('earnedTier and tierProgress', () => {
  const deals = [deal('2026-01-10', 30000), deal('2026-02-10', 8000), deal('2024-01-01', 900000)];
  it('counts only the trailing months', () => {
    expect(earnedTier(rules, deals, '2026-03-01')).toBe('Silver');
    expect(earnedTier(rules, [], '2026-03-01')).toBe('Registered');
  });

  it('says what is missing for the next tier and what the open deals would do', () => {
    const view = tierProgress({
      rules,
      currentTier: 'Silver',
      locked: false,
      deals,
      open: [6000_00, 7000_00, null],
      today: '2026-03-01',
      currency: 'USD',
    });
    expect(view).toEqual({
      tier: 'Silver',
      locked: false,
      nextTier: 'Gold',
      progress: 0.4,
      missing: '12,000.00 USD of won value and 3 won deals away from Gold (over 12 months).',
      forecast: 'If your 2 open approved deals close, you are still short of Gold.',
    });
    expect(
      tierProgress({
        rules,
        currentTier: 'Silver',
        locked: false,
        deals: [...deals, ...[1, 2].map((i) => deal(`2026-02-0${i}`, 1))],
        open: [6000_00, 7000_00],
        today: '2026-03-01',
        currency: 'USD',
      }).forecast,
    ).toBe('If your 2 open approved deals close, you reach Gold.');
    expect(
      tierProgress({
        rules,
        currentTier: 'Platinum',
        locked: true,
        deals,
        open: [],
        today: '2026-03-01',
        currency: 'USD',
      }),
    ).toMatchObject({
      nextTier: null,
      progress: 1,
      missing: 'Platinum is the top tier.',
    });
  });
});

describe('decideTier', () => {
  const base = { rules, locked: false, reviewDue: false, graceDays: 30, currency: 'USD' };
  const silverDeals = [deal('2026-01-10', 30000), deal('2026-02-10', 8000)];
  it('promotes at once', () => {
    expect(
      decideTier({ ...base, current: 'Registered', deals: silverDeals, today: '2026-03-01' }),
    ).toMatchObject({
      from: 'Registered',
      to: 'Silver',
      direction: 'promoted',
    });
  });
  it('never changes a locked tier', () => {
    expect(
      decideTier({ ...base, locked: true, current: 'Registered', deals: silverDeals, today: '2026-03-01' }),
    ).toBeNull();
  });
  it('demotes only on a review day and after the grace period', () => {
    const old = [deal('2025-01-10', 30000), deal('2025-01-12', 8000)];
    expect(decideTier({ ...base, current: 'Silver', deals: old, today: '2026-04-01' })).toBeNull();
    expect(
      decideTier({ ...base, reviewDue: true, current: 'Silver', deals: old, today: '2026-01-20' }),
    ).toBeNull();
    expect(
      decideTier({ ...base, reviewDue: true, current: 'Silver', deals: old, today: '2026-04-01' }),
    ).toMatchObject({
      to: 'Registered',
      direction: 'demoted',
    });
  });
});
