import { currencyExponent } from '../../../src/domain/money';
import { PLAN_COLUMNS, planFromRow, planToRow, validatePlanInput } from '../../../src/shared/schema/plan';

const withCurrencies = { currencyExponent };

describe('validatePlanInput: the four plan types', () => {
  test.each([
    [
      { name: 'Gold 12%', type: 'percent', rate: 12 },
      { name: 'Gold 12%', type: 'percent', rate: 12, period: 'quarter' },
    ],
    [
      { name: 'Flat', type: 'flat', amount: 500, currency: 'usd' },
      { name: 'Flat', type: 'flat', amount: '500', currency: 'USD', period: 'quarter' },
    ],
    [
      {
        name: 'Tiered',
        type: 'tiered',
        currency: 'USD',
        period: 'year',
        mode: 'whole',
        bands: [
          { from: 0, rate: 10 },
          { from: '50,000', rate: '15' },
        ],
      },
      {
        name: 'Tiered',
        type: 'tiered',
        currency: 'USD',
        period: 'year',
        mode: 'whole',
        bands: [
          { from: '0', rate: 10 },
          { from: '50000', rate: 15 },
        ],
      },
    ],
    [
      { name: 'SaaS', type: 'recurring', rate: 20, months: 12, firstMonths: 3, thenRate: 10, holdDays: 0 },
      {
        name: 'SaaS',
        type: 'recurring',
        rate: 20,
        months: 12,
        firstMonths: 3,
        thenRate: 10,
        holdDays: 0,
        period: 'quarter',
      },
    ],
    [
      {
        name: 'Opts',
        type: 'percent',
        rate: '7.25',
        currency: 'KWD',
        capPerDeal: '1000.125',
        thresholdBonus: { over: 100, amount: 50 },
      },
      {
        name: 'Opts',
        type: 'percent',
        rate: 7.25,
        currency: 'KWD',
        capPerDeal: '1000.125',
        thresholdBonus: { over: '100', amount: '50' },
        period: 'quarter',
      },
    ],
  ])('%j', (input, plan) => {
    expect(validatePlanInput(input, withCurrencies)).toEqual({ ok: true, value: plan });
  });
});

describe('validatePlanInput: errors name the field, its label and the value', () => {
  test.each([
    [{ name: 'A', type: 'percent', rate: 150 }, 'rate', 'Rate', "Rate '150' must be between 0 and 100"],
    [{ name: 'A', type: 'percent', rate: -1 }, 'rate', 'Rate', "Rate '-1' must be between 0 and 100"],
    [
      { name: 'A', type: 'percent', rate: 12.34567 },
      'rate',
      'Rate',
      "Rate '12.34567' has more than 4 decimals",
    ],
    [{ name: 'A', type: 'percent', rate: 'lots' }, 'rate', 'Rate', "Rate 'lots' is not a number"],
    [{ name: 'A', type: 'percent' }, 'rate', 'Rate', 'Percent plans need a rate'],
    [
      { name: 'A', type: 'flat', amount: 5 },
      'currency',
      'Currency',
      'Flat plans need an amount and a currency',
    ],
    [
      { name: 'A', type: 'flat', currency: 'USD' },
      'amount',
      'Amount',
      'Flat plans need an amount and a currency',
    ],
    [
      { name: 'A', type: 'flat', currency: 'USD', amount: '1.234' },
      'amount',
      'Amount',
      "Amount '1.234' has more decimals than USD allows (2)",
    ],
    [
      { name: 'A', type: 'flat', currency: 'XYZ', amount: 5 },
      'currency',
      'Currency',
      "Currency 'XYZ' is not an ISO 4217 code such as USD",
    ],
    [
      { name: 'A', type: 'flat', currency: 'USD', amount: -5 },
      'amount',
      'Amount',
      "Amount '-5' must not be negative",
    ],
    [
      { name: 'A', type: 'tiered', currency: 'USD', bands: [{ from: 100, rate: 5 }] },
      'bands',
      'Bands',
      'Bands must start at 0 and rise',
    ],
    [
      { name: 'A', type: 'tiered', currency: 'USD', bands: '0:10; 0:15' },
      'bands',
      'Bands',
      'Bands must start at 0 and rise',
    ],
    [
      { name: 'A', type: 'tiered', currency: 'USD', bands: '0=10' },
      'bands',
      'Bands',
      "Bands '0=10' must look like '0:10; 50000:15' (from:rate)",
    ],
    [
      { name: 'A', type: 'tiered', currency: 'USD', bands: '0:10; 5000:101' },
      'bands',
      'Bands',
      "Band rate '101' must be between 0 and 100",
    ],
    [
      { name: 'A', type: 'recurring', rate: 20, months: 0 },
      'months',
      'Months',
      "Months '0' must be a whole number from 1 to 120",
    ],
    [
      { name: 'A', type: 'recurring', rate: 20, months: 12, firstMonths: 3 },
      'thenRate',
      'Then Rate',
      'First Months and Then Rate go together',
    ],
    [
      { name: 'A', type: 'recurring', rate: 20, months: 3, firstMonths: 3, thenRate: 5 },
      'firstMonths',
      'First Months',
      "First Months '3' must be less than Months (3)",
    ],
    [
      { name: 'A', type: 'percent', rate: 5, thresholdBonus: { over: 10, amount: 1 } },
      'currency',
      'Currency',
      'A threshold bonus needs Threshold Over, Threshold Bonus and the plan Currency',
    ],
    [
      { name: 'A', type: 'percent', rate: 5, holdDays: 2.5 },
      'holdDays',
      'Hold Days',
      "Hold Days '2.5' must be a whole number from 0 to 3650",
    ],
    [{ name: ' ', type: 'percent', rate: 5 }, 'name', 'Plan Name', 'Plan Name is required'],
    [
      { name: 'A', type: 'bonus' },
      'type',
      'Type',
      "Type 'bonus' must be one of percent, flat, tiered, recurring",
    ],
  ])('%j -> %s', (input, field, label, message) => {
    const result = validatePlanInput(input, withCurrencies);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toContainEqual({ field, label, message });
  });

  test('not an object at all', () => {
    const result = validatePlanInput(null);
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['name', 'type']);
  });
});

describe('Plans sheet rows', () => {
  test('columns in order', () => {
    expect(PLAN_COLUMNS.map((c) => c.header).join(', ')).toBe(
      'Plan ID, Plan Name, Type, Currency, Rate, Amount, Period, Mode, Bands, Months, First Months, Then Rate, ' +
        'Cap Per Deal, First Deal Bonus, Threshold Over, Threshold Bonus, Hold Days, Notes, Effective From',
    );
  });

  test('a hand-edited row validates, and planToRow writes it back', () => {
    const row = {
      planId: 'PL-002',
      planName: 'Tiered',
      type: 'Tiered',
      currency: 'usd',
      rate: '',
      amount: '',
      period: 'Quarter',
      mode: 'graduated',
      bands: '0:10; 50000:15',
      months: '',
      firstMonths: '',
      thenRate: '',
      capPerDeal: 20000,
      firstDealBonus: '',
      thresholdOver: 100000,
      thresholdBonus: '2,500',
      holdDays: 14,
      notes: 'Q-based',
      effectiveFrom: '2026-04-01',
    };
    const result = validatePlanInput(planFromRow(row), withCurrencies);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(planToRow(result.value)).toEqual({
      ...row,
      type: 'tiered',
      currency: 'USD',
      period: 'quarter',
      capPerDeal: '20000',
      thresholdOver: '100000',
      thresholdBonus: '2500',
    });
  });
});
