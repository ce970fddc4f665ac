/**
 * Currencies through the bundle: saveExchangeRates / listExchangeRates keep dated rates in
 * Settings (Rate Date, Rate Currency, Rate), refused row by row naming the field; a EUR deal on a
 * USD plan is converted at the latest rate on or before its close day (hand-computed below), its
 * Explanation names the rate and day; a deal with no rate is listed in runCommissions' notComputed
 * with the reason, never a silent zero; a rate typed by someone off the Team is refused.
 * importExchangeRates(csv) adds the rates of a CSV file, or refuses it whole, naming line and field.
 */
import type { Commission, ExchangeRates } from '../../src/shared/api';
import { TEAMMATE } from '../support/emulator';
import { OWNER, addCurrency, partnerOn, tracker, wonDeal } from './commissions-fixture';

function errorOf(emu: ReturnType<typeof tracker>, user: string, fn: string, ...args: unknown[]): string {
  const outcome = emu.measure(() => emu.call(user, fn, ...args));
  if (outcome.ok) throw new Error(`${fn} was expected to fail`);
  return outcome.error ?? '';
}

describe('saveExchangeRates and listExchangeRates', () => {
  it('keep the rates in Settings, one row per day and currency; the same day and currency replaces its rate', () => {
    const emu = tracker();
    const saved = emu.call<ExchangeRates>(OWNER, 'saveExchangeRates', [
      { date: '2026-03-01', currency: 'eur', rate: '1.0845' },
      { date: '2026-03-01', currency: 'JPY', rate: 0.0066 },
      { date: '2026-02-01', currency: 'EUR', rate: '1.07' },
    ]);
    expect(saved).toEqual({
      reportingCurrency: 'USD',
      rates: [
        { date: '2026-02-01', currency: 'EUR', rate: '1.07' },
        { date: '2026-03-01', currency: 'EUR', rate: '1.0845' },
        { date: '2026-03-01', currency: 'JPY', rate: '0.0066' },
      ],
    });
    emu.call(OWNER, 'saveExchangeRates', [{ date: '2026-03-01', currency: 'EUR', rate: '1.123456789' }]);
    const listed = emu.call<ExchangeRates>(OWNER, 'listExchangeRates');
    expect(listed.rates.filter((r) => r.currency === 'EUR')).toEqual([
      { date: '2026-02-01', currency: 'EUR', rate: '1.07' },
      { date: '2026-03-01', currency: 'EUR', rate: '1.123456789' },
    ]);
    const [headers, ...rows] = emu.sheets().Settings;
    const rateCol = headers.indexOf('Rate');
    expect(rows.map((r) => r[rateCol]).filter((v) => v !== '')).toEqual(['1.123456789', '0.0066', '1.07']);
  });

  it('refuses bad rows naming the field and the row, and writes nothing', () => {
    const emu = tracker();
    const before = emu.sheets().Settings;
    expect(
      errorOf(emu, OWNER, 'saveExchangeRates', [
        { date: '1 March', currency: 'EUR', rate: '1.08' },
        { date: '2026-03-01', currency: 'XYZ', rate: '1.08' },
        { date: '2026-03-01', currency: 'USD', rate: '1' },
        { date: '2026-03-01', currency: 'GBP', rate: '0' },
        { date: '2026-03-01', currency: 'GBP', rate: '1,2' },
      ]).split('\n'),
    ).toEqual([
      "Date (rate 1): '1 March' must be a day such as 2026-03-01",
      "Currency (rate 2): 'XYZ' is not an ISO 4217 code the tracker knows",
      'Currency (rate 3): USD is the Reporting Currency (its rate is always 1)',
      "Rate (rate 4): Rate '0' must be more than 0",
      "Rate (rate 5): Rate '1,2' is not a number (write 1.0845)",
    ]);
    expect(emu.sheets().Settings).toEqual(before);
  });

  it('are the Team’s: an editor off the Team may neither save them nor type them into Settings', () => {
    const emu = tracker();
    expect(
      errorOf(emu, TEAMMATE, 'saveExchangeRates', [{ date: '2026-03-01', currency: 'EUR', rate: '9' }]),
    ).toMatch(/is not on the tracker's team/);
    const headers = emu.sheets().Settings[0];
    const col = String.fromCharCode(65 + headers.indexOf('Rate'));
    expect(emu.edit(TEAMMATE, 'Settings', `${col}2`, [['9']]).ok).toBe(false);
  });
});

describe('importExchangeRates: a CSV file of rates', () => {
  it('adds each row (Settings headers or Date/Currency/Rate, other columns ignored), replacing a same-day rate', () => {
    const emu = tracker();
    emu.call(OWNER, 'saveExchangeRates', [{ date: '2026-03-01', currency: 'EUR', rate: '1.07' }]);
    const csv = [
      '\uFEFFSource,Rate Date,Rate Currency,Rate',
      'ECB,2026-03-01,eur,1.0845',
      'ECB,2026-03-02,JPY,0.006712345678',
      '"Bank, Kuwait",2026-02-01,KWD,3.2547891234',
    ].join('\r\n');
    const imported = emu.call<ExchangeRates>(OWNER, 'importExchangeRates', csv);
    expect(imported).toEqual({
      reportingCurrency: 'USD',
      rates: [
        { date: '2026-03-01', currency: 'EUR', rate: '1.0845' },
        { date: '2026-03-02', currency: 'JPY', rate: '0.006712345678' },
        { date: '2026-02-01', currency: 'KWD', rate: '3.2547891234' },
      ],
    });
    expect(emu.call(OWNER, 'listExchangeRates')).toEqual(imported);
    // the other header spelling
    emu.call(OWNER, 'importExchangeRates', 'date,currency,rate\n2026-03-05,GBP,1.27\n');
    expect(emu.call<ExchangeRates>(OWNER, 'listExchangeRates').rates).toContainEqual({
      date: '2026-03-05',
      currency: 'GBP',
      rate: '1.27',
    });
  });

  it('refuses a file with any problem, each naming its line and field, and writes nothing', () => {
    const emu = tracker();
    const before = emu.sheets();
    const csv = [
      'Date,Currency,Rate',
      '1 March,EUR,1.08',
      '2026-03-01,XYZ,1.08',
      '2026-03-01,USD,1',
      '2026-03-01,GBP,0',
      '2026-03-01,EUR,"1,2"',
      '2026-03-02,CHF,0.9,extra',
      '2026-03-01,GBP,1.27',
    ].join('\n');
    expect(errorOf(emu, OWNER, 'importExchangeRates', csv).split('\n')).toEqual([
      'Rates CSV line 7: This line has 4 values, the header has 3',
      'Rates CSV line 8: GBP on 2026-03-01 is already on line 5',
      "Rates CSV line 2, Date: '1 March' must be a day such as 2026-03-01",
      "Rates CSV line 3, Currency: 'XYZ' is not an ISO 4217 code the tracker knows",
      'Rates CSV line 4, Currency: USD is the Reporting Currency (its rate is always 1)',
      "Rates CSV line 5, Rate: Rate '0' must be more than 0",
      "Rates CSV line 6, Rate: Rate '1,2' is not a number (write 1.0845)",
    ]);
    expect(errorOf(emu, OWNER, 'importExchangeRates', 'Day,Currency,Value\n2026-03-01,EUR,1.08')).toBe(
      [
        'Rates CSV: no Date column (the header row needs Date, Currency and Rate)',
        'Rates CSV: no Rate column (the header row needs Date, Currency and Rate)',
      ].join('\n'),
    );
    expect(errorOf(emu, OWNER, 'importExchangeRates', 'Date,Currency,Rate\n')).toBe(
      'Rates CSV: the file has no rates under its header row',
    );
    expect(emu.sheets()).toEqual(before);
  });

  it('is the Team’s: an editor off the Team is refused', () => {
    const emu = tracker();
    const before = emu.sheets();
    expect(errorOf(emu, TEAMMATE, 'importExchangeRates', 'Date,Currency,Rate\n2026-03-01,EUR,9')).toMatch(
      /is not on the tracker's team/,
    );
    expect(emu.sheets()).toEqual(before);
  });
});

describe('commissions on deals in another currency than the plan', () => {
  it('converts at the latest rate on or before the close day, names it, and lists deals with no rate', () => {
    const emu = tracker();
    addCurrency(emu, 'CHF');
    emu.call(OWNER, 'saveExchangeRates', [
      { date: '2026-03-01', currency: 'EUR', rate: '1.0845' },
      { date: '2026-03-03', currency: 'EUR', rate: '2' },
    ]);
    const p = partnerOn(emu, { name: 'Ten USD', type: 'percent', rate: 10, currency: 'USD', holdDays: 0 });
    // closed 2026-03-02: the 03-01 rate (the 03-03 one is later). 1,000.00 EUR x 1.0845 = 1,084.50 USD; 10% = 108.45
    const eur = wonDeal(emu, p, 1000, 'EUR', '2026-03-02');
    const chf = wonDeal(emu, p, 1000, 'CHF', '2026-03-02');
    const lines = emu.call<Commission[]>(OWNER, 'listCommissions', {});
    expect(lines.map((l) => [l.leadId, l.currency, l.basis, l.amount, l.explanation])).toEqual([
      [
        eur,
        'USD',
        1084.5,
        108.45,
        '10% of 1,084.50 USD; 1,000.00 EUR converted at 1.0845 (rate of 2026-03-01)',
      ],
    ]);
    const run = emu.call<{ notComputed: Array<{ leadId: string; reason: string }> }>(OWNER, 'runCommissions');
    expect(run.notComputed).toEqual([
      {
        leadId: chf,
        reason: `Deal ${chf} is in CHF; plan 'Ten USD' counts USD: No CHF exchange rate to USD: add one in Settings (Rate Date, Rate Currency, Rate in USD)`,
      },
    ]);
    // the Commissions page lists the same, read without writing
    expect(emu.call(OWNER, 'listNotComputed')).toEqual(run.notComputed);
    // a rate for CHF: the next run computes it (1,000.00 CHF x 1.1 = 1,100.00 USD; 10% = 110.00)
    emu.call(OWNER, 'saveExchangeRates', [{ date: '2026-01-01', currency: 'CHF', rate: '1.1' }]);
    const next = emu.call<{ created: number; notComputed: unknown[] }>(OWNER, 'runCommissions');
    expect(next).toMatchObject({ created: 1, notComputed: [] });
    expect(emu.call<Commission[]>(OWNER, 'listCommissions', {}).find((l) => l.leadId === chf)?.amount).toBe(
      110,
    );
  });
});
