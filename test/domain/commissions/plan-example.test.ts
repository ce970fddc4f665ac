import { planExample } from '../../../src/domain/commissions';

describe('planExample: the Plans page live example, computed by the engine', () => {
  test.each([
    [
      { name: 'Ten', type: 'percent', rate: 10, currency: 'USD' },
      '40000',
      'A 40,000.00 USD deal pays 4,000.00 USD (10% of 40,000.00 USD)',
    ],
    [
      { name: 'Flat', type: 'flat', amount: '500', currency: 'EUR' },
      '1000',
      'A 1,000.00 EUR deal pays 500.00 EUR (flat 500.00 EUR per won deal)',
    ],
    // 12.5% of 1,000.005 KWD = 125.000625 -> 125.001 KWD
    [
      { name: 'K', type: 'percent', rate: 12.5, currency: 'KWD' },
      '1000.005',
      'A 1,000.005 KWD deal pays 125.001 KWD (12.5% of 1,000.005 KWD)',
    ],
  ])('%j on %s', (plan, value, text) => {
    expect(planExample(plan, { value, closedOn: '2026-03-02' })).toMatchObject({ ok: true, text });
  });

  test('errors name the field', () => {
    const result = planExample(
      { name: 'Bad', type: 'percent', rate: 120 },
      { value: '1', closedOn: '2026-03-02' },
    );
    expect(result).toEqual({
      ok: false,
      errors: [{ field: 'rate', label: 'Rate', message: "Rate '120' must be between 0 and 100" }],
    });
    expect(
      planExample(
        { name: 'J', type: 'percent', rate: 1, currency: 'JPY' },
        { value: '1.5', closedOn: '2026-03-02' },
      ),
    ).toEqual({
      ok: false,
      errors: [
        {
          field: 'exampleValue',
          label: 'Example deal',
          message: "Amount '1.5' has more decimals than JPY allows (0)",
        },
      ],
    });
  });
});
