import { desiredLedger } from '../../../src/domain/commissions';
import { linesFor, pick, won } from './fixtures';

describe('percent plans', () => {
  test('12% of 12,000.00 USD, held 30 days', () => {
    const { lines, flags } = linesFor({ name: 'Gold 12%', type: 'percent', rate: 12 }, [
      won('L-000012', 'P-0001', 'USD', 1_200_000, '2026-01-15'),
    ]);
    expect(flags).toEqual([]);
    expect(lines).toEqual([
      {
        key: 'L-000012/commission',
        leadId: 'L-000012',
        partnerId: 'P-0001',
        plan: 'Gold 12%',
        kind: 'Commission',
        currency: 'USD',
        amountMinor: 144_000,
        basisMinor: 1_200_000,
        earnedOn: '2026-01-15',
        eligibleOn: '2026-02-14',
        explanation: '12% of 12,000.00 USD',
      },
    ]);
  });

  test.each([
    // currency, deal minor, rate, expected minor (hand-computed)
    ['JPY', 1_234_567, 7.25, 89_506], // 89,506.1075 -> 89,506
    ['JPY', 1_234_570, 7.25, 89_506], // 89,506.325 -> 89,506
    ['KWD', 1_000_005, 12.5, 125_001], // 125,000.625 -> 125,001
    ['KWD', 1_000_012, 12.5, 125_002], // 125,001.5 -> 125,002 (tie, to even)
    ['KWD', 1_000_004, 12.5, 125_000], // 125,000.5 -> 125,000 (tie, to even)
    ['USD', 5, 10, 0], // 0.5 cent -> 0: no line at all
    ['USD', 15, 10, 2], // 1.5 -> 2
    ['USD', 25, 10, 2], // 2.5 -> 2
    ['USD', 35, 10, 4], // 3.5 -> 4
  ])('%s %p at %p%% -> %p', (currency, value, rate, expected) => {
    const { lines } = linesFor({ name: 'P', type: 'percent', rate }, [
      won('L-1', 'P-1', currency, value, '2026-01-01'),
    ]);
    expect(lines.reduce((s, l) => s + l.amountMinor, 0)).toBe(expected);
  });

  test('cap per deal, in the deal currency', () => {
    const { lines } = linesFor({ name: 'Capped', type: 'percent', rate: 12, capPerDeal: 1000, holdDays: 0 }, [
      won('L-1', 'P-1', 'USD', 1_200_000, '2026-01-15'),
      won('L-2', 'P-1', 'USD', 500_000, '2026-01-16'),
    ]);
    expect(pick(lines)).toEqual([
      [
        'L-1/commission',
        'USD',
        100_000,
        '2026-01-15',
        '12% of 12,000.00 USD, capped at 1,000.00 USD (was 1,440.00 USD)',
      ],
      ['L-2/commission', 'USD', 60_000, '2026-01-16', '12% of 5,000.00 USD'],
    ]);
    expect(lines[0].eligibleOn).toBe('2026-01-15');
  });
});

test('flat plans pay in the plan currency whatever the deal currency', () => {
  const { lines } = linesFor({ name: 'Flat', type: 'flat', amount: 500, currency: 'USD' }, [
    won('L-1', 'P-1', 'EUR', 99_900, '2026-03-01'),
  ]);
  expect(pick(lines)).toEqual([
    ['L-1/commission', 'USD', 50_000, '2026-03-01', 'flat 500.00 USD per won deal'],
  ]);
  expect(lines[0].basisMinor).toBeNull();
});

describe('tiered plans (bands 0:10, 50000:15 USD, by quarter)', () => {
  const deals = [
    won('L-3', 'P-1', 'USD', 500_000, '2026-04-02'), // Q2: starts again at band 1
    won('L-2', 'P-1', 'USD', 2_000_000, '2026-02-01'), // 40k -> 60k: crosses 50k
    won('L-1', 'P-1', 'USD', 4_000_000, '2026-01-10'),
  ];
  const plan = (mode: string) => ({
    name: 'Tiered',
    type: 'tiered',
    currency: 'USD',
    mode,
    bands: '0:10; 50000:15',
  });

  test('graduated: each band at its own rate', () => {
    expect(pick(linesFor(plan('graduated'), deals).lines)).toEqual([
      ['L-1/commission', 'USD', 400_000, '2026-01-10', 'graduated: 10% of 40,000.00 USD, Q1 2026'],
      // 10% of 10,000 + 15% of 10,000 = 1,000 + 1,500
      [
        'L-2/commission',
        'USD',
        250_000,
        '2026-02-01',
        'graduated: 10% of 10,000.00 + 15% of 10,000.00 USD, Q1 2026',
      ],
      ['L-3/commission', 'USD', 50_000, '2026-04-02', 'graduated: 10% of 5,000.00 USD, Q2 2026'],
    ]);
  });

  test('whole: the whole deal at the band the cumulative value reaches', () => {
    expect(pick(linesFor(plan('whole'), deals).lines)).toEqual([
      ['L-1/commission', 'USD', 400_000, '2026-01-10', '10% of 40,000.00 USD, Tiered band 1, Q1 2026'],
      ['L-2/commission', 'USD', 300_000, '2026-02-01', '15% of 20,000.00 USD, Tiered band 2, Q1 2026'],
      ['L-3/commission', 'USD', 50_000, '2026-04-02', '10% of 5,000.00 USD, Tiered band 1, Q2 2026'],
    ]);
  });

  test('band edges: reaching exactly 50,000.00 is band 2; same-day deals count in leadId order', () => {
    const edge = [
      won('L-B', 'P-1', 'USD', 1_000_000, '2026-01-10'),
      won('L-A', 'P-1', 'USD', 4_000_000, '2026-01-10'),
    ];
    expect(pick(linesFor(plan('whole'), edge).lines).map((l) => [l[0], l[2]])).toEqual([
      ['L-A/commission', 400_000],
      ['L-B/commission', 150_000],
    ]);
    // graduated: 40,000 -> 50,000 lies wholly in band 1
    expect(pick(linesFor(plan('graduated'), edge).lines).map((l) => [l[0], l[2]])).toEqual([
      ['L-A/commission', 400_000],
      ['L-B/commission', 100_000],
    ]);
  });

  test('year periods accumulate across quarters', () => {
    const yearly = { ...plan('graduated'), period: 'year' };
    expect(linesFor(yearly, deals).lines.map((l) => l.amountMinor)).toEqual([400_000, 250_000, 75_000]);
  });
});

describe('recurring plans (20% for 3 months, then 10%, 12 months)', () => {
  const plan = {
    name: 'SaaS',
    type: 'recurring',
    rate: 20,
    months: 12,
    firstMonths: 3,
    thenRate: 10,
    holdDays: 15,
  };
  const deal = won('L-7', 'P-1', 'USD', 100_000, '2026-01-31');

  test.each([
    ['2026-01-30', []],
    ['2026-01-31', ['L-7/recurring/01']],
    ['2026-03-30', ['L-7/recurring/01', 'L-7/recurring/02']],
    ['2026-04-30', ['L-7/recurring/01', 'L-7/recurring/02', 'L-7/recurring/03', 'L-7/recurring/04']],
  ])('as of %s', (asOf, expected) => {
    expect(linesFor(plan, [deal], asOf).lines.map((l) => l.key)).toEqual(expected);
  });

  test('amounts, month-end days and explanations', () => {
    expect(pick(linesFor(plan, [deal], '2027-06-01').lines).slice(1, 4)).toEqual([
      ['L-7/recurring/02', 'USD', 20_000, '2026-02-28', 'month 2 of 12: 20% of 1,000.00 USD monthly'],
      ['L-7/recurring/03', 'USD', 20_000, '2026-03-31', 'month 3 of 12: 20% of 1,000.00 USD monthly'],
      ['L-7/recurring/04', 'USD', 10_000, '2026-04-30', 'month 4 of 12: 10% of 1,000.00 USD monthly'],
    ]);
    const all = linesFor(plan, [deal], '2027-06-01').lines;
    expect(all).toHaveLength(12);
    expect(all.reduce((s, l) => s + l.amountMinor, 0)).toBe(3 * 20_000 + 9 * 10_000);
    expect(all[11].eligibleOn).toBe('2027-01-15'); // 2026-12-31 + 15
  });

  test('the cap bounds the deal across its months', () => {
    const capped = linesFor({ ...plan, capPerDeal: 500 }, [deal], '2027-06-01').lines;
    expect(capped.map((l) => l.amountMinor)).toEqual([20_000, 20_000, 10_000]);
    expect(capped[2].explanation).toBe(
      'month 3 of 12: 20% of 1,000.00 USD monthly, capped at 500.00 USD per deal',
    );
  });
});

describe('bonuses', () => {
  test('first-deal bonus on the first won deal; threshold bonus once per period on the crossing deal', () => {
    const plan = {
      name: 'Gold',
      type: 'percent',
      rate: 10,
      currency: 'USD',
      firstDealBonus: 250,
      thresholdBonus: { over: 50_000, amount: 1000 },
    };
    const { lines } = linesFor(plan, [
      won('L-1', 'P-0003', 'USD', 3_000_000, '2026-01-05'),
      won('L-2', 'P-0003', 'USD', 2_000_000, '2026-02-05'), // 50,000.00: not past it
      won('L-3', 'P-0003', 'USD', 1, '2026-02-06'), // 50,000.01: past it
      won('L-4', 'P-0003', 'USD', 9_000_000, '2026-03-01'),
    ]);
    expect(
      lines.filter((l) => l.kind === 'Bonus').map((l) => [l.key, l.amountMinor, l.leadId, l.explanation]),
    ).toEqual([
      [
        'L-1/first-deal-bonus',
        25_000,
        'L-1',
        "first-deal bonus 250.00 USD: L-1 is the partner's first won deal",
      ],
      [
        'P-0003/threshold/2026-Q1',
        100_000,
        'L-3',
        'threshold bonus 1,000.00 USD: Q1 2026 won value 50,000.01 USD passed 50,000.00 USD with L-3',
      ],
    ]);
  });
});

describe('no silent zero: flags', () => {
  const deal = (partnerId: string, currency = 'USD') =>
    won(`L-${partnerId}`, partnerId, currency, 100, '2026-01-01');
  test('each deal that cannot earn says why', () => {
    const { lines, flags } = desiredLedger({
      deals: [
        deal('P-1'),
        deal('P-2'),
        deal('P-3'),
        deal('P-4'),
        deal('P-5', 'EUR'),
        { ...deal('P-6'), dealValueMinor: null },
        { ...deal('P-7'), status: 'Lost' },
        deal('P-8'),
      ],
      partners: [
        { id: 'P-1', plan: '' },
        { id: 'P-2', plan: 'Gold' },
        { id: 'P-3', plan: 'Silver' },
        { id: 'P-5', plan: 'PL-002' },
        { id: 'P-6', plan: 'Gold' },
        { id: 'P-7', plan: 'Gold' },
        { id: 'P-8', plan: 'Ok' },
      ],
      plans: [
        { name: 'Gold', type: 'percent', rate: 150 },
        { id: 'PL-002', name: 'Tiered', type: 'tiered', currency: 'USD', bands: '0:10' },
        { name: 'Ok', type: 'percent', rate: 10 },
      ],
      settings: { defaultHoldDays: 30 },
      asOf: '2026-06-30',
    });
    expect(flags).toEqual([
      { leadId: 'L-P-6', reason: 'Deal L-P-6 is Won but has no Deal Value or Closed On' },
      { leadId: 'L-P-1', reason: 'Partner P-1 has no plan' },
      { leadId: 'L-P-2', reason: "Plan 'Gold' is invalid: Rate '150' must be between 0 and 100" },
      { leadId: 'L-P-3', reason: "Partner P-3's plan 'Silver' is not in the Plans sheet" },
      { leadId: 'L-P-4', reason: 'Partner P-4 is not in the Partners sheet' },
      {
        leadId: 'L-P-5',
        reason:
          "Deal L-P-5 is in EUR; plan 'Tiered' counts USD: No EUR exchange rate: add one in Settings (Rate Date, Rate Currency, Rate)",
      },
    ]);
    expect(lines.map((l) => l.key)).toEqual(['L-P-8/commission']);
  });

  test('an amount the deal currency cannot hold is flagged, not rounded', () => {
    const { lines, flags } = linesFor({ name: 'Cap', type: 'percent', rate: 10, capPerDeal: '0.5' }, [
      won('L-1', 'P-1', 'JPY', 100_000, '2026-01-01'),
    ]);
    expect(lines).toEqual([]);
    expect(flags).toEqual([
      {
        leadId: 'L-1',
        reason: "Deal L-1 under plan 'Cap': Amount '0.5' has more decimals than JPY allows (0)",
      },
    ]);
  });

  test('deals closed after asOf wait', () => {
    expect(
      linesFor(
        { name: 'P', type: 'percent', rate: 10 },
        [won('L-1', 'P-1', 'USD', 100, '2026-07-01')],
        '2026-06-30',
      ).lines,
    ).toEqual([]);
  });
});

describe('plan versions (Effective From)', () => {
  const v1 = { id: 'PL-001', name: 'Gold', type: 'percent', rate: 10 };
  const v2 = { id: 'PL-002', name: 'Gold', type: 'percent', rate: 20, effectiveFrom: '2026-04-01' };
  const run = (plans: unknown[], partnerPlan = 'Gold') =>
    desiredLedger({
      deals: [
        won('L-1', 'P-1', 'USD', 100_000, '2026-03-31'),
        won('L-2', 'P-1', 'USD', 100_000, '2026-04-01'),
      ],
      partners: [{ id: 'P-1', plan: partnerPlan }],
      plans,
      settings: { defaultHoldDays: 0 },
      asOf: '2026-12-31',
    });

  test('each deal uses the version in force on its close day; an earlier deal keeps the earlier version', () => {
    const { lines, flags } = run([v2, v1]);
    expect(flags).toEqual([]);
    expect(lines.map((l) => [l.leadId, l.amountMinor, l.explanation])).toEqual([
      ['L-1', 10_000, '10% of 1,000.00 USD'],
      ['L-2', 20_000, '20% of 1,000.00 USD'],
    ]);
  });

  test('a partner may name any version by its id: the plan is the family of that name', () => {
    expect(run([v1, v2], 'PL-001').lines.map((l) => l.amountMinor)).toEqual([10_000, 20_000]);
  });

  test('a deal closed before every version uses the earliest one', () => {
    const later = { ...v1, effectiveFrom: '2026-03-31' };
    expect(run([later, v2]).lines.map((l) => l.amountMinor)).toEqual([10_000, 20_000]);
  });

  test('a version made later applies from its day on over older ones, even one dated later', () => {
    const v3 = { id: 'PL-003', name: 'Gold', type: 'percent', rate: 30, effectiveFrom: '2026-03-01' };
    // PL-003 was made after PL-002 (04-01) but is effective from 03-01: both deals use it
    expect(run([v1, v2, v3]).lines.map((l) => l.amountMinor)).toEqual([30_000, 30_000]);
  });

  test('two versions of one day are a duplicate: flagged, nothing earned', () => {
    const { lines, flags } = run([v2, { ...v1, effectiveFrom: '2026-04-01' }]);
    expect(lines).toEqual([]);
    expect(flags.map((f) => f.reason)).toEqual([
      "Plan 'Gold' is the name of 2 plans",
      "Plan 'Gold' is the name of 2 plans",
    ]);
  });
});
