import fc from 'fast-check';
import { approveLines, reconcile, rejectLines, reversedIdOf, baseKey } from '../../../src/domain/commissions';
import type { Deal, LedgerLine } from '../../../src/domain/commissions';
import { apply, counter, linesFor, won } from './fixtures';

const plan = { name: 'Gold', type: 'percent', rate: 12, holdDays: 30 };
const run = (ledger: LedgerLine[], deals: Deal[], asOf: string, nextId = counter('C-', ledger.length + 1)) =>
  reconcile({ ledger, desired: linesFor(plan, deals, asOf).lines, asOf, nextId });
const settle = (ledger: LedgerLine[], status: 'Approved' | 'Paid') => ledger.map((l) => ({ ...l, status }));

describe('reconcile: only the difference', () => {
  const deal = won('L-000012', 'P-0001', 'USD', 1_200_000, '2026-01-15');

  test('a new line is created Pending with its hold, and a second run changes nothing', () => {
    const first = run([], [deal], '2026-01-20');
    expect(first.create).toEqual([
      expect.objectContaining({
        id: 'C-000001',
        key: 'L-000012/commission',
        status: 'Pending',
        amountMinor: 144_000,
        eligibleOn: '2026-02-14',
      }),
    ]);
    const ledger = apply([], first);
    expect(run(ledger, [deal], '2026-01-20')).toEqual({
      create: [],
      statusChanges: [],
      summary: { created: 0, voided: 0, eligible: 0 },
    });
    expect(run(ledger, [deal], '2026-02-14').statusChanges).toEqual([
      { id: 'C-000001', from: 'Pending', to: 'Eligible' },
    ]);
  });

  test('a Pending line whose deal is Lost is voided', () => {
    const ledger = apply([], run([], [deal], '2026-01-20'));
    const result = run(ledger, [{ ...deal, status: 'Lost' }], '2026-01-21');
    expect(result.create).toEqual([]);
    expect(result.statusChanges).toEqual([
      { id: 'C-000001', from: 'Pending', to: 'Void', reason: 'void: L-000012/commission is no longer due' },
    ]);
  });

  test('a Paid line whose deal is Lost gets a Clawback pointing to it; they sum to zero', () => {
    const ledger = settle(apply([], run([], [deal], '2026-01-20')), 'Paid');
    const result = run(ledger, [{ ...deal, status: 'Lost' }], '2026-05-02');
    expect(result.statusChanges).toEqual([]);
    expect(result.create).toEqual([
      expect.objectContaining({
        id: 'C-000002',
        key: 'L-000012/commission/clawback/C-000001',
        kind: 'Clawback',
        amountMinor: -144_000,
        status: 'Eligible',
        eligibleOn: '2026-05-02',
        explanation: 'reverses C-000001: L-000012/commission is no longer due',
      }),
    ]);
    const after = apply(ledger, result);
    expect(after.reduce((s, l) => s + l.amountMinor, 0)).toBe(0);
    expect(run(after, [{ ...deal, status: 'Lost' }], '2026-05-03').create).toEqual([]);
  });

  test('a changed value on a Pending line: void and recreate', () => {
    const ledger = apply([], run([], [deal], '2026-01-20'));
    const result = run(ledger, [{ ...deal, dealValueMinor: 1_000_000 }], '2026-01-21');
    expect(result.statusChanges).toEqual([
      {
        id: 'C-000001',
        from: 'Pending',
        to: 'Void',
        reason: 'void: L-000012/commission changed, replaced by a new line',
      },
    ]);
    expect(result.create.map((l) => [l.id, l.key, l.amountMinor, l.kind])).toEqual([
      ['C-000002', 'L-000012/commission', 120_000, 'Commission'],
    ]);
  });

  test('a changed value on an Approved line: an Adjustment for the difference', () => {
    const ledger = settle(apply([], run([], [deal], '2026-01-20')), 'Approved');
    const result = run(ledger, [{ ...deal, dealValueMinor: 1_000_000 }], '2026-03-01');
    expect(result.create.map((l) => [l.key, l.kind, l.amountMinor, l.explanation])).toEqual([
      [
        'L-000012/commission/adjustment/1',
        'Adjustment',
        -24_000,
        'adjusts L-000012/commission from 1,440.00 USD to 1,200.00 USD: 12% of 10,000.00 USD',
      ],
    ]);
  });

  test('a rejected line is not recreated', () => {
    const ledger = apply([], run([], [deal], '2026-02-20'));
    const rejected = rejectLines(ledger, ['C-000001'], 'duplicate deal', 'finance@example.com');
    expect(rejected).toEqual({
      ok: true,
      changes: [
        {
          id: 'C-000001',
          from: 'Eligible',
          to: 'Void',
          reason: 'rejected by finance@example.com: duplicate deal',
          key: 'L-000012/commission/rejected',
        },
      ],
    });
    if (!rejected.ok) return;
    expect(
      run(apply(ledger, { create: [], statusChanges: rejected.changes }), [deal], '2026-02-21').create,
    ).toEqual([]);
  });
});

describe('approvals', () => {
  const line = (id: string, status: LedgerLine['status'], eligibleOn: string) =>
    ({ id, status, eligibleOn, key: `${id}/k` }) as LedgerLine;
  const ledger = [
    line('C-000001', 'Eligible', '2026-03-01'),
    line('C-000004', 'Pending', '2026-04-01'),
    line('C-000005', 'Paid', '2026-01-01'),
  ];

  test('approves eligible lines, recording who and when', () => {
    expect(approveLines(ledger, ['C-000001'], { by: 'fin@example.com', on: '2026-03-15' })).toEqual({
      ok: true,
      changes: [
        {
          id: 'C-000001',
          from: 'Eligible',
          to: 'Approved',
          approvedBy: 'fin@example.com',
          approvedOn: '2026-03-15',
        },
      ],
    });
  });

  test('refuses the whole batch and says why', () => {
    expect(
      approveLines(ledger, ['C-000001', 'C-000004', 'C-000005', 'C-000009'], { by: 'a', on: '2026-03-15' }),
    ).toEqual({
      ok: false,
      errors: [
        'C-000004 is on hold until 2026-04-01',
        'C-000005 is Paid; only Eligible lines can be approved',
        'No commission line C-000009',
      ],
    });
    expect(rejectLines(ledger, ['C-000005'], 'x')).toEqual({
      ok: false,
      errors: ['C-000005 is Paid; only Pending or Eligible lines can be rejected'],
    });
    expect(rejectLines(ledger, ['C-000001'], ' ')).toEqual({
      ok: false,
      errors: ['A reason is required to reject commission lines'],
    });
  });
});

describe('properties', () => {
  const dealArb = fc.record({
    n: fc.integer({ min: 1, max: 6 }),
    partner: fc.constantFrom('P-1', 'P-2'),
    currency: fc.constantFrom('USD', 'JPY', 'KWD'),
    value: fc.integer({ min: 0, max: 10_000_000 }),
    day: fc.integer({ min: 1, max: 28 }),
    status: fc.constantFrom<Deal['status']>('Won', 'Won', 'Lost'),
  });
  const toDeals = (
    xs: Array<{
      n: number;
      partner: string;
      currency: string;
      value: number;
      day: number;
      status: Deal['status'];
    }>,
  ) => {
    const byLead = new Map(xs.map((x) => [x.n, x]));
    return [...byLead.values()].map((x) => ({
      ...won(`L-${x.n}`, x.partner, x.currency, x.value, `2026-01-${String(x.day).padStart(2, '0')}`),
      status: x.status,
    }));
  };
  const plans = [
    {
      name: 'Tiered',
      type: 'recurring',
      rate: 12.5,
      months: 6,
      firstMonths: 2,
      thenRate: 7.25,
      firstDealBonus: 10,
      holdDays: 20,
    },
  ];
  const desiredAt = (deals: Deal[], asOf: string) => linesFor(plans[0], deals, asOf).lines;

  test('re-running on its own output changes nothing; every key sums to its desired amount; a clawback cancels its line', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            deals: fc.array(dealArb, { maxLength: 8 }),
            settle: fc.array(fc.boolean(), { maxLength: 40 }),
            month: fc.integer({ min: 1, max: 9 }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        (steps) => {
          let ledger: LedgerLine[] = [];
          const nextId = counter();
          let asOf = '2026-01-01';
          for (const [i, step] of steps.entries()) {
            asOf = `2026-${String(Math.min(12, step.month + i)).padStart(2, '0')}-15`;
            const deals = toDeals(step.deals);
            const desired = desiredAt(deals, asOf);
            ledger = apply(ledger, reconcile({ ledger, desired, asOf, nextId }));
            // idempotent
            expect(reconcile({ ledger, desired, asOf, nextId })).toEqual({
              create: [],
              statusChanges: [],
              summary: { created: 0, voided: 0, eligible: 0 },
            });
            // each desired key: its non-void lines sum to the desired amount; keys no longer due sum to zero
            const sums = new Map<string, number>();
            for (const l of ledger)
              if (l.status !== 'Void')
                sums.set(baseKey(l.key), (sums.get(baseKey(l.key)) ?? 0) + l.amountMinor);
            for (const d of desired) expect(sums.get(d.key) ?? 0).toBe(d.amountMinor);
            const due = new Set(desired.map((d) => d.key));
            for (const [key, total] of sums) if (!due.has(key)) expect(total).toBe(0);
            // clawbacks point to a line they cancel exactly
            for (const c of ledger.filter((l) => l.kind === 'Clawback' && l.status !== 'Void')) {
              const reversed = ledger.find((l) => l.id === reversedIdOf(c.key));
              expect(reversed && reversed.amountMinor + c.amountMinor).toBe(0);
            }
            // finance approves or pays some open lines between runs
            ledger = ledger.map((l, j) =>
              (l.status === 'Eligible' || l.status === 'Pending') &&
              step.settle[j % Math.max(1, step.settle.length)]
                ? { ...l, status: j % 2 ? 'Paid' : 'Approved' }
                : l,
            );
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
