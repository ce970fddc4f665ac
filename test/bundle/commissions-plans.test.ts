/**
 * Each plan type through the bundle, amounts computed by hand: a deal closed Won from the sidebar
 * gets its lines at once (closeLead), in the deal's currency, rounded half-to-even once.
 */
import { OWNER, linesOf, partnerOn, rowOf, tracker, wonDeal } from './commissions-fixture';

describe('plans: each type, computed by hand', () => {
  it('percent: 12% of 12,000.00 USD is 1,440.00, Pending until Earned On + 30 days', () => {
    const emu = tracker();
    const p = partnerOn(emu, { name: 'Gold 12%', type: 'percent', rate: 12 });
    const lead = wonDeal(emu, p, 12000);
    expect(linesOf(emu, lead)).toEqual([
      expect.objectContaining({
        id: 'C-000001',
        kind: 'Commission',
        basis: 12000,
        currency: 'USD',
        amount: 1440,
        status: 'Pending',
        earnedOn: '2026-03-02',
        eligibleOn: '2026-04-01',
        explanation: '12% of 12,000.00 USD',
      }),
    ]);
    expect(rowOf(emu, 'Commissions', 'C-000001').Key).toBe(`${lead}/commission`);
  });

  it('flat: 500.00 USD per won deal whatever its value, with a first-deal bonus of 100.00 once', () => {
    const emu = tracker();
    const p = partnerOn(emu, {
      name: 'Flat',
      type: 'flat',
      amount: 500,
      currency: 'USD',
      firstDealBonus: 100,
    });
    const first = wonDeal(emu, p, 80000);
    const second = wonDeal(emu, p, 3);
    expect(linesOf(emu, first).map((l) => [l.kind, l.amount])).toEqual([
      ['Commission', 500],
      ['Bonus', 100],
    ]);
    expect(linesOf(emu, second).map((l) => [l.kind, l.amount])).toEqual([['Commission', 500]]);
  });

  it('tiered graduated: a deal crossing the 50,000 band pays 10% below and 15% above', () => {
    const emu = tracker();
    const p = partnerOn(emu, {
      name: 'Tiered',
      type: 'tiered',
      currency: 'USD',
      period: 'quarter',
      mode: 'graduated',
      bands: [
        { from: 0, rate: 10 },
        { from: 50000, rate: 15 },
      ],
    });
    const first = wonDeal(emu, p, 40000, 'USD', '2026-03-01');
    const crossing = wonDeal(emu, p, 20000, 'USD', '2026-03-02');
    expect(linesOf(emu, first)[0].amount).toBe(4000);
    // 10,000 at 10% (to the band) + 10,000 at 15% = 1,000 + 1,500
    expect(linesOf(emu, crossing)[0]).toMatchObject({
      amount: 2500,
      explanation: 'graduated: 10% of 10,000.00 + 15% of 10,000.00 USD, Q1 2026',
    });
  });

  it('tiered whole: the deal that reaches band 2 earns 15% on all of it', () => {
    const emu = tracker();
    const p = partnerOn(emu, {
      name: 'Whole',
      type: 'tiered',
      currency: 'USD',
      mode: 'whole',
      bands: [
        { from: 0, rate: 10 },
        { from: 50000, rate: 15 },
      ],
    });
    wonDeal(emu, p, 40000, 'USD', '2026-03-01');
    const crossing = wonDeal(emu, p, 20000, 'USD', '2026-03-02');
    expect(linesOf(emu, crossing)[0]).toMatchObject({
      amount: 3000,
      explanation: '15% of 20,000.00 USD, Whole band 2, Q1 2026',
    });
  });

  it('currencies with 0, 2 and 3 decimals, and half-to-even ties', () => {
    const emu = tracker();
    const p = partnerOn(emu, { name: 'Any 12.5%', type: 'percent', rate: 12.5 });
    const jpyTieDown = wonDeal(emu, p, 1012, 'JPY'); // 126.5 -> 126
    const jpyTieUp = wonDeal(emu, p, 1020, 'JPY'); // 127.5 -> 128
    const usdTie = wonDeal(emu, p, 1, 'USD'); // 0.125 -> 0.12
    const kwd = wonDeal(emu, p, 1.234, 'KWD'); // 0.15425 -> 0.154
    expect(linesOf(emu, jpyTieDown)[0]).toMatchObject({ amount: 126, currency: 'JPY' });
    expect(linesOf(emu, jpyTieUp)[0]).toMatchObject({ amount: 128, currency: 'JPY' });
    expect(linesOf(emu, usdTie)[0]).toMatchObject({ amount: 0.12, currency: 'USD' });
    expect(linesOf(emu, kwd)[0]).toMatchObject({ amount: 0.154, currency: 'KWD' });
  });

  it("amount cells carry their currency's number format", () => {
    const emu = tracker();
    const p = partnerOn(emu, { name: 'Any 10%', type: 'percent', rate: 10 });
    wonDeal(emu, p, 1000, 'JPY');
    wonDeal(emu, p, 1000, 'USD');
    wonDeal(emu, p, 1000, 'KWD');
    const sheet = emu.rt.uncounted(() => emu.spreadsheet.getSheetByName('Commissions')!);
    const formats = emu.rt.uncounted(() => sheet.getRange('H2:H4').getNumberFormats());
    expect(formats).toEqual([['#,##0'], ['#,##0.00'], ['#,##0.000']]);
    const shown = emu.rt.uncounted(() => sheet.getRange('H2:H4').getDisplayValues());
    expect(shown).toEqual([['100'], ['100.00'], ['100.000']]);
  });

  it('a cap per deal bounds the commission and the explanation says so', () => {
    const emu = tracker();
    const p = partnerOn(emu, { name: 'Capped', type: 'percent', rate: 10, capPerDeal: 2500 });
    const lead = wonDeal(emu, p, 40000);
    expect(linesOf(emu, lead)[0]).toMatchObject({
      amount: 2500,
      explanation: '10% of 40,000.00 USD, capped at 2,500.00 USD (was 4,000.00 USD)',
    });
  });
});

describe('savePlan and listPlans', () => {
  it('creates PL-001, PL-002 (effective from today) and corrects a plan by id the same day in one audited write', () => {
    const emu = tracker();
    const today = '2026-03-02';
    expect(emu.call(OWNER, 'savePlan', { name: 'A', type: 'percent', rate: 5 })).toEqual({
      id: 'PL-001',
      effectiveFrom: today,
    });
    expect(emu.call(OWNER, 'savePlan', { name: 'B', type: 'flat', amount: 50, currency: 'EUR' })).toEqual({
      id: 'PL-002',
      effectiveFrom: today,
    });
    emu.call(OWNER, 'savePlan', { id: 'PL-001', name: 'A', type: 'percent', rate: 7.5, holdDays: 10 });
    expect(emu.call(OWNER, 'listPlans')).toEqual([
      {
        id: 'PL-001',
        name: 'A',
        type: 'percent',
        rate: 7.5,
        period: 'quarter',
        holdDays: 10,
        effectiveFrom: today,
      },
      {
        id: 'PL-002',
        name: 'B',
        type: 'flat',
        amount: '50',
        currency: 'EUR',
        period: 'quarter',
        effectiveFrom: today,
      },
    ]);
    const audit = emu.sheets()['Audit Log'].filter((r) => r[3] === 'Plans' && r[4] === 'PL-001');
    expect(audit.map((r) => [r[5], r[7], r[8]])).toEqual(
      expect.arrayContaining([
        ['Rate', '5', '7.5'],
        ['Hold Days', '', '10'],
      ]),
    );
  });

  it('refuses an invalid plan naming field and value, and writes nothing', () => {
    const emu = tracker();
    const before = emu.sheets().Plans;
    const outcome = emu.measure(() =>
      emu.call(OWNER, 'savePlan', { name: 'Bad', type: 'percent', rate: 120, capPerDeal: 'lots' }),
    );
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toContain("Rate '120' must be between 0 and 100");
    expect(outcome.error).toContain("Cap Per Deal 'lots' is not a number");
    expect(emu.sheets().Plans).toEqual(before);
  });

  it('refuses a second plan of the same name', () => {
    const emu = tracker();
    emu.call(OWNER, 'savePlan', { name: 'Gold', type: 'percent', rate: 5 });
    const outcome = emu.measure(() =>
      emu.call(OWNER, 'savePlan', { name: 'gold', type: 'percent', rate: 6 }),
    );
    expect(outcome.error).toBe("Plan Name 'gold' is already used by PL-001");
  });
});

describe('an invalid plan is no silent zero', () => {
  it("a hand-edited Plans row that does not validate flags its partners' deals: run result and a note", () => {
    const emu = tracker();
    const p = partnerOn(emu, { name: 'Gold', type: 'percent', rate: 10 });
    const rateCell = `E${emu.sheets().Plans.findIndex((r) => r[0] === 'PL-001') + 1}`;
    emu.rt.uncounted(() => emu.spreadsheet.getSheetByName('Plans')!.getRange(rateCell).setValue('abc'));
    const lead = wonDeal(emu, p, 1000);
    expect(linesOf(emu, lead)).toEqual([]);
    const run = emu.call<{ flagged: string[] }>(OWNER, 'runCommissions');
    expect(run.flagged).toEqual(["Plan 'Gold' is invalid: Rate 'abc' is not a number"]);
    const sheet = emu.rt.uncounted(() => emu.spreadsheet.getSheetByName('Leads')!);
    const row = emu.sheets().Leads.findIndex((r) => r[0] === lead) + 1;
    expect(emu.rt.uncounted(() => sheet.getRange(`A${row}`).getNote())).toBe(
      "No commission: Plan 'Gold' is invalid: Rate 'abc' is not a number",
    );
    expect(emu.call<Array<{ invalid?: string }>>(OWNER, 'listPlans')[0].invalid).toBe(
      "Rate 'abc' is not a number",
    );
    // fixed: the deal earns and the note goes
    emu.call(OWNER, 'savePlan', { id: 'PL-001', name: 'Gold', type: 'percent', rate: 10 });
    expect(emu.call<{ created: number; flagged: string[] }>(OWNER, 'runCommissions')).toMatchObject({
      created: 1,
      flagged: [],
    });
    expect(emu.rt.uncounted(() => sheet.getRange(`A${row}`).getNote())).toBe('');
  });

  it('a partner without a plan is flagged too', () => {
    const emu = tracker();
    const { id } = emu.call<{ id: string }>(OWNER, 'savePartner', {
      partnerName: 'Planless',
      contactEmail: 'x@planless.test',
      type: 'Referral',
    });
    wonDeal(emu, id, 1000);
    expect(emu.call<{ flagged: string[] }>(OWNER, 'runCommissions').flagged).toEqual([
      `Partner ${id} has no plan`,
    ]);
  });
});
