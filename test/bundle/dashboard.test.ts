/**
 * The Dashboard through the bundle: refreshDashboard fills the sheet with what getDashboard returns,
 * writes the metrics sheet the five native charts read, in one journaled step; a person's change of
 * the period cell refreshes it; bad input is a specific error; a program with no closed deals shows
 * zeros and the notice, never #DIV/0!.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Emulator } from '../../emulator/harness';
import { HEADLINE_FIGURES, TABLE_DEFINITIONS } from '../../src/app/dashboard/definitions';
import { chartModels, chartRangeA1 } from '../../emulator/spreadsheet';
import type { Dashboard, PartnerScorecard } from '../../src/shared/dashboard';
import { OWNER, addPartner, callError, register, tracker } from './leads-fixture';

function sheetValues(emu: Emulator, name: string): unknown[][] {
  return emu.sheets()[name] as unknown[][];
}

/** The Dashboard's label -> value of the headline block. */
function headline(emu: Emulator): Record<string, unknown> {
  const rows = sheetValues(emu, 'Dashboard');
  const start = rows.findIndex((r) => r[0] === 'Headline');
  const out: Record<string, unknown> = {};
  for (let i = start + 1; i < rows.length && rows[i][0] !== ''; i++) out[String(rows[i][0])] = rows[i][1];
  return out;
}

function program(): { emu: Emulator; alpha: string; beta: string } {
  const emu = tracker({ now: '2026-03-02T09:00:00Z' });
  const alpha = addPartner(emu, { partnerName: 'Alpha Partners', tier: 'Gold', region: 'Europe' });
  const beta = addPartner(emu, { partnerName: 'Beta Partners', tier: 'Silver', region: 'Asia Pacific' });
  const deal = (partnerId: string, company: string, outcome: 'won' | 'lost' | null, value: number) => {
    const { id } = register(emu, {
      partnerId,
      company,
      domain: `${company.toLowerCase()}.com`,
      estimatedValue: value,
    });
    emu.call(OWNER, 'reviewLead', id, 'approve', 'ok');
    if (outcome) emu.call(OWNER, 'closeLead', id, outcome, { dealValue: value, closedOn: '2026-03-01' });
    return id;
  };
  deal(alpha, 'Acme', 'won', 30000);
  deal(alpha, 'Bolt', 'won', 10000);
  deal(beta, 'Crane', 'lost', 5000);
  deal(beta, 'Delta', null, 7000);
  register(emu, { partnerId: beta, company: 'Echo', domain: 'echo.com' });
  return { emu, alpha, beta };
}

describe('refreshDashboard', () => {
  const { emu, alpha, beta } = program();
  const view = emu.call<Dashboard>(OWNER, 'getDashboard', { period: 'This quarter' });
  const run = emu.measure(() => emu.call(OWNER, 'refreshDashboard'));

  it('getDashboard gives the figures', () => {
    expect(view.headline).toMatchObject({
      registered: 5,
      approved: 4,
      won: 2,
      lost: 1,
      winRate: 2 / 3,
      conversionRate: 2 / 5,
      wonValue: 40000,
      openPipeline: 7000,
      openDeals: 1,
      averageDealSize: 20000,
      sourcedWonValue: 40000,
      influencedWonValue: 0,
    });
    expect(view.byPartner.map((p) => [p.partnerId, p.wonValue, p.share])).toEqual([
      [alpha, 40000, 1],
      [beta, 0, 0],
    ]);
    expect(view.notice).toBe('');
  });

  it('the sheet shows the same figures, every one of them', () => {
    expect(run.ok).toBe(true);
    const sheetView = emu.call<Dashboard>(OWNER, 'getDashboard', { period: 'This quarter' });
    const all = headline(emu);
    for (const def of HEADLINE_FIGURES)
      expect([def.label, all[def.label]]).toEqual([def.label, sheetView.headline[def.key] ?? '—']);
    const shown = headline(emu);
    expect(shown).toMatchObject({
      'Leads registered': view.headline.registered,
      'Deals won': view.headline.won,
      'Win rate': view.headline.winRate,
      'Won value': view.headline.wonValue,
      'Open pipeline': view.headline.openPipeline,
      'Average deal size': view.headline.averageDealSize,
    });
    const rows = sheetValues(emu, 'Dashboard');
    const byPartner = rows.findIndex((r) => r[0] === 'By partner');
    expect(rows[byPartner + 2].slice(0, 9)).toEqual([
      alpha,
      'Alpha Partners',
      'Gold',
      2,
      2,
      1,
      40000,
      1,
      expect.any(Number),
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/#DIV|NaN/);
  });

  it('every headline figure has its definition in a note', () => {
    const notes = emu.rt.uncounted(() =>
      emu.spreadsheet.getSheetByName('Dashboard')!.getRange('A1:A30').getNotes(),
    );
    const rows = sheetValues(emu, 'Dashboard');
    const at = rows.findIndex((r) => r[0] === 'Win rate');
    expect(notes[at][0]).toMatch(/Won \/ \(Won \+ Lost\)/);
  });

  it('makes the five charts, each reading the hidden metrics sheet', () => {
    const sheet = emu.spreadsheet.getSheetByName('Dashboard')!;
    const model = (sheet as unknown as { model: Parameters<typeof chartModels>[0] }).model;
    const charts = chartModels(model);
    expect(charts.map((c) => [c.type, c.options.get('title')])).toEqual([
      ['COLUMN', 'Leads by status'],
      ['COLUMN', 'Won value by month, by tier'],
      ['BAR', 'Top 10 partners by won value'],
      ['PIE', 'Contribution to won value'],
      ['COLUMN', 'Days to close (deals won)'],
    ]);
    expect(charts.map((c) => c.ranges.map(chartRangeA1))).toEqual([
      ['_Metrics!A1:B7'],
      // every tier of Settings > Tier Rules (held or not) and '(none)': a series each
      ['_Metrics!D1:I13'],
      ['_Metrics!O1:P11'],
      ['_Metrics!R1:S11'],
      ['_Metrics!U1:V6'],
    ]);
    expect(charts[1].options.get('isStacked')).toBe(true);
    expect(emu.rt.uncounted(() => emu.spreadsheet.getSheetByName('_Metrics')!.isSheetHidden())).toBe(true);
    const metrics = sheetValues(emu, '_Metrics');
    expect(metrics[0].slice(3, 9)).toEqual(['Month', 'Registered', 'Silver', 'Gold', 'Platinum', '(none)']);
    expect(metrics[12].slice(3, 9)).toEqual(['2026-03', 0, 0, 40000, 0, 0]);
    expect(metrics.slice(0, 3).map((r) => r.slice(14, 16))).toEqual([
      ['Partner', 'Won value'],
      ['Alpha Partners', 40000],
      ['', ''],
    ]);
  });

  it('a second refresh makes no chart call', () => {
    const again = emu.measure(() => emu.call(OWNER, 'refreshDashboard'));
    expect(again.ok).toBe(true);
    expect(Object.keys(again.stats.byMethod).filter((m) => /Chart/.test(m))).toEqual([]);
  });

  it('a person choosing Last quarter in the period cell refreshes it', () => {
    const outcome = emu.edit(OWNER, 'Dashboard', 'B2', [['Last quarter']]);
    expect(outcome.ok).toBe(true);
    expect(headline(emu)['Deals won']).toBe(0);
    const rows = sheetValues(emu, 'Dashboard');
    expect(rows[2][0]).toMatch(/No deals closed in this period/);
    expect(headline(emu)['Win rate']).toBe('—');
  });

  it('getPartnerScorecard gives a partner’s rank, figures and trend', () => {
    const card = emu.call<PartnerScorecard>(OWNER, 'getPartnerScorecard', alpha, { period: 'Year to date' });
    expect(card).toMatchObject({
      partnerId: alpha,
      rank: 1,
      partnersRanked: 1,
      figures: { won: 2, wonValue: 40000 },
    });
    expect(card.trend[11]).toEqual({ month: '2026-03', wonValue: 40000, won: 2 });
    const other = emu.call<PartnerScorecard>(OWNER, 'getPartnerScorecard', beta, { period: 'Year to date' });
    expect(other).toMatchObject({ rank: null, openDeals: 1, openPipeline: 7000, notice: '' });
  });

  it('bad input is a specific error', () => {
    expect(callError(emu, 'getDashboard', { period: 'Last week' })).toMatch(
      /Period 'Last week' is not one of: This quarter, Last quarter, Year to date, Trailing 12 months, All time/,
    );
    expect(callError(emu, 'getPartnerScorecard', 'P-9999')).toMatch(/Partner ID 'P-9999' is not a partner/);
    expect(callError(emu, 'getPartnerScorecard', '')).toMatch(/Partner ID: give the partner/);
  });
});

describe('the charts when partners change tier', () => {
  /** A person's edit of a cell under the header `header` of `sheet`, in the row where column A is `key`. */
  const editUnder = (emu: Emulator, sheet: string, header: string, row: number, value: string) => {
    const rows = sheetValues(emu, sheet);
    const col = rows[0].indexOf(header);
    const outcome = emu.edit(OWNER, sheet, `${String.fromCharCode(65 + col)}${row}`, [[value]]);
    if (!outcome.ok) throw new Error(outcome.reason);
  };

  it('a partner moved to another tier changes no chart, no format and no note (each tier is a row and a series already)', () => {
    const { emu, beta } = program();
    emu.call(OWNER, 'refreshDashboard');
    const row = sheetValues(emu, 'Partners').findIndex((r) => r[0] === beta) + 1;
    editUnder(emu, 'Partners', 'Tier', row, 'Platinum');
    const again = emu.measure(() => emu.call(OWNER, 'refreshDashboard'));
    expect(again.ok).toBe(true);
    expect(Object.entries(again.stats.byMethod).filter(([m]) => /^Sheet\.\w*Chart/.test(m))).toEqual([]);
    // the layout is the same: no formats and no notes written, the values alone
    expect(again.stats.byMethod['Range.setNotes']).toBeUndefined();
    expect(again.stats.byMethod['Range.setNumberFormats']).toBeUndefined();
    const byTier = emu.call<Dashboard>(OWNER, 'getDashboard', { period: 'This quarter' }).byTier;
    expect(byTier.map((r) => [r.key, r.partners])).toEqual([
      ['Registered', 0],
      ['Silver', 0],
      ['Gold', 1],
      ['Platinum', 1],
      ['(none)', 0],
    ]);
  });

  it('a tier more in Settings widens the stacked chart alone: one chart updated, the other four left as they are, its sheet found without a call', () => {
    const { emu } = program();
    emu.call(OWNER, 'refreshDashboard');
    const sheet = emu.spreadsheet.getSheetByName('Dashboard')!;
    const model = (sheet as unknown as { model: Parameters<typeof chartModels>[0] }).model;
    const before = chartModels(model).map((c) => c.ranges.map(chartRangeA1));
    const tiers = sheetValues(emu, 'Settings').map(
      (r) => r[sheetValues(emu, 'Settings')[0].indexOf('Tiers')],
    );
    editUnder(emu, 'Settings', 'Tiers', tiers.findIndex((t, i) => i > 0 && t === '') + 1, 'Diamond');
    const again = emu.measure(() => emu.call(OWNER, 'refreshDashboard'));
    expect(again.ok).toBe(true);
    expect(Object.entries(again.stats.byMethod).filter(([m]) => /^Sheet\.\w*Chart/.test(m))).toEqual([
      ['Sheet.getCharts', 1],
      ['Sheet.updateChart', 1],
    ]);
    // The metrics sheet's range by its name: no call to find the sheet by id.
    expect(again.stats.byMethod['Spreadsheet.getSheetById']).toBeUndefined();
    const after = chartModels(model).map((c) => c.ranges.map(chartRangeA1));
    expect(before[1]).toEqual(['_Metrics!D1:I13']);
    expect(after[1]).toEqual(['_Metrics!D1:J13']);
    expect(after.filter((_, i) => i !== 1)).toEqual(before.filter((_, i) => i !== 1));
  });
});

describe('a program with no closed deals', () => {
  it('shows zeros and the notice, never #DIV/0!', () => {
    const emu = tracker();
    const run = emu.measure(() => emu.call(OWNER, 'refreshDashboard'));
    expect(run.ok).toBe(true);
    const shown = headline(emu);
    expect(shown).toMatchObject({ 'Deals won': 0, 'Won value': 0, 'Win rate': '—', 'Conversion rate': '—' });
    const rows = sheetValues(emu, 'Dashboard');
    expect(rows[2][0]).toBe('No deals closed in this period');
    const display = emu.rt.uncounted(() =>
      emu.spreadsheet.getSheetByName('Dashboard')!.getDataRange().getDisplayValues(),
    );
    expect(JSON.stringify(display)).not.toMatch(/#DIV|NaN/);
  });
});

describe('Leads > Source (Sourced or Influenced)', () => {
  it('is Sourced by default, set by the form and the import, and splits the won value', () => {
    const emu = tracker({ now: '2026-03-02T09:00:00Z' });
    const partnerId = addPartner(emu, { partnerName: 'Alpha Partners' });
    const sourced = register(emu, { partnerId, company: 'Acme', domain: 'acme.com' }).id;
    const influenced = register(emu, {
      partnerId,
      company: 'Bolt',
      domain: 'bolt.com',
      source: 'influenced',
    }).id;
    const imported = emu.call<{ imported: number }>(
      OWNER,
      'runImport',
      'leads',
      `Partner ID,Company,Domain,Lead Source\n${partnerId},Crane,crane.com,Influenced\n`,
    );
    expect(imported.imported).toBe(1);
    const rows = sheetValues(emu, 'Leads');
    const col = (rows[0] as string[]).indexOf('Source');
    // after every column Leads had before it (only the CRM Deal ID, issue 18, comes later)
    expect(col).toBe((rows[0] as string[]).indexOf('CRM Deal ID') - 1);
    expect(rows.slice(1, 4).map((r) => r[col])).toEqual(['Sourced', 'Influenced', 'Influenced']);
    expect(callError(emu, 'registerLead', { partnerId, company: 'Delta', source: 'Bought' })).toMatch(
      /^Source 'Bought' is not one of: Sourced, Influenced/,
    );
    for (const id of [sourced, influenced]) {
      emu.call(OWNER, 'reviewLead', id, 'approve', 'ok');
      emu.call(OWNER, 'closeLead', id, 'won', {
        dealValue: id === sourced ? 100 : 250,
        closedOn: '2026-03-01',
      });
    }
    expect(emu.call<Dashboard>(OWNER, 'getDashboard').headline).toMatchObject({
      sourcedWonValue: 100,
      influencedWonValue: 250,
      wonValue: 350,
    });
  });
});

describe('the definitions', () => {
  it('the README gives every figure and table definition the Dashboard’s notes give', () => {
    const readme = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    for (const f of HEADLINE_FIGURES) expect(readme).toContain(`| ${f.label} | ${f.definition} |`);
    for (const text of Object.values(TABLE_DEFINITIONS).filter(
      (t) => !t.startsWith('This quarter') && !t.startsWith('The currency'),
    ))
      expect(readme).toContain(text);
  });
});
