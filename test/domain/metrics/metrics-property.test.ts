/**
 * The one-pass metrics against an independent computation: the same rows in a HyperFormula workbook
 * (the engine the emulator evaluates formulas with) and the figures as COUNTIFS / SUMIFS /
 * SUMPRODUCT formulas over them, on random programs, periods and days.
 */
import fc from 'fast-check';
import { HyperFormula } from 'hyperformula';
import { computeMetrics } from '../../../src/domain/metrics/compute';
import { periodRange, lastTwelveMonths } from '../../../src/domain/metrics/period';
import type { MetricsLead, MetricsLine, MetricsPartner } from '../../../src/domain/metrics/types';
import { addDays, addMonths, dayNumber, fromDayNumber } from '../../../src/domain/dates';
import { PERIODS } from '../../../src/shared/dashboard';
import { COMMISSION_STATUSES, LEAD_STATUSES } from '../../../src/shared/statuses';

const START = dayNumber('2024-06-01');
const SPAN = 900;
const day = fc.integer({ min: 0, max: SPAN }).map((n) => fromDayNumber(START + n));
const TIERS = ['Registered', 'Silver', 'Gold'];

const partner = (id: number) =>
  fc
    .record({
      active: fc.boolean(),
      tier: fc.constantFrom('', ...TIERS),
      region: fc.constantFrom('', 'Europe', 'Asia'),
      type: fc.constantFrom('Referral', 'Reseller'),
      productFocus: fc.constantFrom('', 'Core'),
    })
    .map((p): MetricsPartner => ({ id: `P-${id}`, name: `Partner ${id}`, ...p }));

const lead = (partners: number) =>
  fc
    .record({
      partner: fc.integer({ min: 1, max: partners + 1 }),
      status: fc.constantFrom('', ...LEAD_STATUSES),
      registeredOn: day,
      closeAfter: fc.integer({ min: 0, max: 300 }),
      currency: fc.constantFrom('USD', 'USD', 'EUR'),
      estimated: fc.option(fc.integer({ min: 0, max: 5_000_000 })),
      deal: fc.integer({ min: 0, max: 9_000_000 }),
      influenced: fc.boolean(),
      product: fc.constantFrom('', 'Core', 'Analytics'),
    })
    .map((l): MetricsLead => {
      const closed = l.status === 'Won' || l.status === 'Lost';
      return {
        partnerId: `P-${l.partner}`,
        product: l.product,
        status: l.status,
        registeredOn: l.registeredOn,
        closedOn: closed ? addDays(l.registeredOn, l.closeAfter) : '',
        currency: l.currency,
        estimatedMinor: l.estimated,
        dealMinor: l.status === 'Won' ? l.deal : null,
        source: l.influenced ? 'Influenced' : 'Sourced',
      };
    });

const line = (partners: number) =>
  fc
    .record({
      partner: fc.integer({ min: 1, max: partners }),
      currency: fc.constantFrom('USD', 'USD', 'EUR'),
      amountMinor: fc.integer({ min: -50_000, max: 500_000 }),
      status: fc.constantFrom(...COMMISSION_STATUSES),
      earnedOn: day,
    })
    .map((l): MetricsLine => ({ ...l, partnerId: `P-${l.partner}` }));

const program = fc.integer({ min: 1, max: 5 }).chain((n) =>
  fc.record({
    partners: fc.tuple(...Array.from({ length: n }, (_, i) => partner(i + 1))),
    leads: fc.array(lead(n), { maxLength: 40 }),
    lines: fc.array(line(n), { maxLength: 15 }),
    period: fc.constantFrom(...PERIODS),
    today: day,
  }),
);

type Cell = string | number | null;

/** Evaluates `formulas` over the rows in a fresh HyperFormula workbook. */
function evaluate(leads: MetricsLead[], lines: MetricsLine[], formulas: string[]): number[] {
  const dn = (d: string): Cell => (d === '' ? null : dayNumber(d));
  const leadRows: Cell[][] = leads.map((l) => [
    l.partnerId,
    l.status,
    dn(l.registeredOn),
    dn(l.closedOn),
    l.dealMinor,
    l.currency,
    l.estimatedMinor,
    l.source,
    l.product,
  ]);
  const lineRows: Cell[][] = lines.map((l) => [
    l.partnerId,
    l.currency,
    l.amountMinor,
    l.status,
    dn(l.earnedOn),
  ]);
  const hf = HyperFormula.buildFromSheets(
    {
      Leads: leadRows.length ? leadRows : [[null]],
      Lines: lineRows.length ? lineRows : [[null]],
      Out: formulas.map((f) => [f]),
    },
    { licenseKey: 'gpl-v3', useArrayArithmetic: true },
  );
  const out = hf.getSheetId('Out')!;
  const values = formulas.map((_, row) => hf.getCellValue({ sheet: out, row, col: 0 }));
  hf.destroy();
  return values.map((v) => {
    if (typeof v !== 'number') throw new Error(`formula gave ${JSON.stringify(v)}`);
    return v;
  });
}

describe('computeMetrics equals COUNTIFS / SUMIFS over the same rows', () => {
  it('on random programs', () => {
    fc.assert(
      fc.property(program, ({ partners, leads, lines, period, today }) => {
        const reading = periodRange(period, today);
        if (!reading.ok) throw new Error(reading.problem);
        const range = reading.range;
        const m = computeMetrics({ partners, leads, lines, range, today, currency: 'USD', tiers: TIERS });

        const from = range.from === null ? -1e9 : dayNumber(range.from);
        const to = dayNumber(range.to);
        const L = (c: string) => `Leads!${c}1:${c}100`;
        const [A, B, C, D, E, F, G, H] = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map(L);
        const reg = `${C},">=${from}",${C},"<=${to}"`;
        const closed = `${D},">=${from}",${D},"<=${to}"`;
        const N = (c: string) => `Lines!${c}1:${c}100`;
        const earned = `${N('D')},"<>Void",${N('E')},">=${from}",${N('E')},"<=${to}"`;
        const formulas: Record<string, string> = {
          registered: `=COUNTIFS(${reg})`,
          approved: `=COUNTIFS(${B},"Approved",${reg})+COUNTIFS(${B},"Won",${reg})+COUNTIFS(${B},"Lost",${reg})`,
          registeredWon: `=COUNTIFS(${B},"Won",${reg})`,
          won: `=COUNTIFS(${B},"Won",${closed})`,
          lost: `=COUNTIFS(${B},"Lost",${closed})`,
          wonMinor: `=SUMIFS(${E},${B},"Won",${closed},${F},"USD")`,
          sourcedMinor: `=SUMIFS(${E},${B},"Won",${closed},${F},"USD",${H},"Sourced")`,
          influencedMinor: `=SUMIFS(${E},${B},"Won",${closed},${F},"USD",${H},"Influenced")`,
          openDeals: `=COUNTIFS(${B},"Approved")`,
          openMinor: `=SUMIFS(${G},${B},"Approved",${F},"USD")`,
          daysToCloseTotal: `=SUMPRODUCT((${B}="Won")*(${D}>=${from})*(${D}<=${to})*(${D}-${C}))`,
          notConverted:
            `=COUNTIFS(${B},"Won",${closed},${F},"<>USD")+COUNTIFS(${B},"Approved",${F},"<>USD",${G},"<>")` +
            `+COUNTIFS(${earned},${N('B')},"<>USD")`,
          commissionEarnedMinor: `=SUMIFS(${N('C')},${earned},${N('B')},"USD")`,
          commissionApprovedMinor: `=SUMIFS(${N('C')},${earned},${N('B')},"USD",${N('D')},"Approved")`,
          commissionPaidMinor: `=SUMIFS(${N('C')},${earned},${N('B')},"USD",${N('D')},"Paid")`,
          activePartners: String(partners.filter((p) => p.active).length),
        };
        for (const p of partners) {
          formulas[`leads ${p.id}`] = `=COUNTIFS(${A},"${p.id}",${reg})`;
          formulas[`won ${p.id}`] = `=COUNTIFS(${A},"${p.id}",${B},"Won",${closed})`;
          formulas[`wonMinor ${p.id}`] = `=SUMIFS(${E},${A},"${p.id}",${B},"Won",${closed},${F},"USD")`;
          formulas[`commission ${p.id}`] = `=SUMIFS(${N('C')},${N('A')},"${p.id}",${earned},${N('B')},"USD")`;
        }
        for (const s of LEAD_STATUSES) formulas[`status ${s}`] = `=COUNTIFS(${B},"${s}",${reg})`;
        for (const month of lastTwelveMonths(today)) {
          const a = dayNumber(`${month}-01`);
          const b = dayNumber(addDays(addMonths(`${month}-01`, 1), -1));
          formulas[`month ${month}`] = `=SUMIFS(${E},${B},"Won",${D},">=${a}",${D},"<=${b}",${F},"USD")`;
        }
        const keys = Object.keys(formulas);
        const values = evaluate(
          leads,
          lines,
          keys.map((k) => (formulas[k].startsWith('=') ? formulas[k] : `=${formulas[k]}`)),
        );
        const expected = Object.fromEntries(keys.map((k, i) => [k, values[i]]));

        const h = m.headline as unknown as Record<string, number>;
        for (const key of keys.filter((k) => !k.includes(' ')))
          expect([key, h[key]]).toEqual([key, expected[key]]);
        expect(h.commissionOwedMinor).toBe(expected.commissionEarnedMinor - expected.commissionPaidMinor);
        for (const p of partners) {
          const row = m.byPartner.find((r) => r.partnerId === p.id)!;
          expect([p.id, row.leads, row.won, row.wonMinor, row.commissionMinor]).toEqual([
            p.id,
            expected[`leads ${p.id}`],
            expected[`won ${p.id}`],
            expected[`wonMinor ${p.id}`],
            expected[`commission ${p.id}`],
          ]);
        }
        for (const s of LEAD_STATUSES)
          expect([s, m.leadsByStatus.find((r) => r.status === s)!.count]).toEqual([
            s,
            expected[`status ${s}`],
          ]);
        m.months.forEach((month, i) =>
          expect([month, m.wonByMonth[i].reduce((a, b) => a + b, 0)]).toEqual([
            month,
            expected[`month ${month}`],
          ]),
        );
        // Segments add up to the program.
        for (const rows of [m.byTier, m.byRegion, m.byType, m.byProduct]) {
          expect(rows.reduce((a, r) => a + r.won, 0)).toBe(m.headline.won);
          expect(rows.reduce((a, r) => a + r.wonMinor, 0)).toBe(m.headline.wonMinor);
          expect(rows.reduce((a, r) => a + r.leads, 0)).toBe(m.headline.registered);
        }
      }),
      { numRuns: 60 },
    );
  });
});
