import { computeMetrics } from '../../../src/domain/metrics/compute';
import { periodRange, lastTwelveMonths } from '../../../src/domain/metrics/period';
import { dashboardView, metricsMessages } from '../../../src/domain/metrics/view';

describe('periodRange', () => {
  test.each([
    ['This quarter', '2026-05-10', '2026-04-01', '2026-06-30'],
    ['last quarter', '2026-05-10', '2026-01-01', '2026-03-31'],
    ['Last quarter', '2026-02-01', '2025-10-01', '2025-12-31'],
    ['Year to date', '2026-05-10', '2026-01-01', '2026-05-10'],
    ['Trailing 12 months', '2026-05-10', '2025-05-11', '2026-05-10'],
    ['All time', '2026-05-10', null, '9999-12-31'],
  ])('%s on %s is %s .. %s', (period, today, from, to) => {
    expect(periodRange(period, today)).toEqual({ ok: true, range: expect.objectContaining({ from, to }) });
  });

  it('an unknown period is a specific error naming the periods', () => {
    expect(periodRange('Last week', '2026-05-10')).toEqual({
      ok: false,
      problem:
        "Period 'Last week' is not one of: This quarter, Last quarter, Year to date, Trailing 12 months, All time",
    });
  });

  it('the last twelve months end with this one', () => {
    expect(lastTwelveMonths('2026-03-15')).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
  });
});

describe('a program with no closed deals', () => {
  it('shows zeros and the notice, never a division by zero', () => {
    const range = periodRange('This quarter', '2026-05-10');
    if (!range.ok) throw new Error();
    const view = dashboardView(
      computeMetrics({
        partners: [
          {
            id: 'P-0001',
            name: 'A',
            active: true,
            tier: 'Gold',
            region: '',
            type: 'Referral',
            productFocus: '',
          },
        ],
        leads: [],
        lines: [],
        range: range.range,
        today: '2026-05-10',
        currency: 'USD',
      }),
    );
    expect(view.notice).toBe(metricsMessages.noDeals);
    expect(view.headline).toMatchObject({
      activePartners: 1,
      won: 0,
      winRate: null,
      conversionRate: null,
      averageDealSize: null,
      averageDaysToClose: null,
      wonValue: 0,
    });
    expect(view.byPartner[0]).toMatchObject({ winRate: null, share: null, wonValue: 0 });
    expect(JSON.stringify(view)).not.toMatch(/NaN|Infinity|DIV/);
  });

  it('converts through the given function and counts what it cannot', () => {
    const range = periodRange('All time', '2026-05-10');
    if (!range.ok) throw new Error();
    const lead = (currency: string, dealMinor: number) => ({
      partnerId: 'P-0001',
      product: '',
      status: 'Won' as const,
      registeredOn: '2026-01-01',
      closedOn: '2026-01-31',
      currency,
      estimatedMinor: null,
      dealMinor,
      source: 'Sourced' as const,
    });
    const view = dashboardView(
      computeMetrics({
        partners: [],
        leads: [lead('USD', 10000), lead('EUR', 10000), lead('GBP', 10000)],
        lines: [],
        range: range.range,
        today: '2026-05-10',
        currency: 'USD',
        toReporting: (minor, currency) =>
          currency === 'EUR' ? minor * 2 : currency === 'USD' ? minor : null,
      }),
    );
    expect(view.headline).toMatchObject({
      won: 3,
      wonValue: 300,
      notConverted: 1,
      averageDealSize: 150,
      averageDaysToClose: 30,
    });
  });
});
