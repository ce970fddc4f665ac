/**
 * Automatic tiering by the daily run: Settings > Tier Rules; promoted at once, moved down only at a
 * review (the first run of a quarter) after the grace days; Tier Locked keeps a tier; each change
 * written in Partners > Tier History with its reason, audited, and e-mailed to the partner.
 */
import type { Emulator } from '../../emulator/harness';
import type { PartnerScorecard } from '../../src/shared/dashboard';
import { OWNER, addPartner, register, rowsOf, setSetting, tracker } from './leads-fixture';
import { runHourly } from '../support/emulator';

function wonDeal(emu: Emulator, partnerId: string, company: string, value: number, closedOn: string): void {
  const { id } = register(emu, { partnerId, company, domain: `${company.toLowerCase()}.com` });
  emu.call(OWNER, 'reviewLead', id, 'approve', 'ok');
  emu.call(OWNER, 'closeLead', id, 'won', { dealValue: value, closedOn });
}

function partner(emu: Emulator, id: string): Record<string, unknown> {
  return rowsOf(emu, 'Partners').find((r) => r['Partner ID'] === id)!;
}

const mail = (emu: Emulator) => emu.services.state.outbox as Array<{ to: string; subject: string }>;

describe('automatic tiering', () => {
  const emu = tracker({ now: '2026-03-02T09:00:00Z' });
  const star = addPartner(emu, { partnerName: 'Star Partners', tier: 'Registered' });
  const locked = addPartner(emu, { partnerName: 'Locked Partners', tier: 'Registered' });
  const quiet = addPartner(emu, { partnerName: 'Quiet Partners', tier: 'Silver' });
  wonDeal(emu, star, 'Acme', 20000, '2026-02-10');
  wonDeal(emu, star, 'Bolt', 10000, '2026-02-20');
  wonDeal(emu, locked, 'Crane', 20000, '2026-02-10');
  wonDeal(emu, locked, 'Delta', 10000, '2026-02-20');
  const lockedCell = `${String.fromCharCode(65 + (emu.sheets().Partners[0] as string[]).indexOf('Tier Locked'))}3`;
  expect(emu.edit(OWNER, 'Partners', lockedCell, [['Yes']]).ok).toBe(true);

  it('does nothing while Settings > Automatic Tiering is off (the default)', () => {
    emu.advance('P1D');
    expect(partner(emu, star).Tier).toBe('Registered');
  });

  it('promotes at once, with the reason in Tier History, audited and e-mailed; a locked tier stays', () => {
    setSetting(emu, 'Automatic Tiering', true);
    const sent = mail(emu).length;
    const fired = emu.advance('P1D');
    expect(fired.filter((f) => !f.ok)).toEqual([]);
    expect(partner(emu, star)).toMatchObject({
      Tier: 'Silver',
      'Tier History': '2026-03-04: Registered -> Silver (meets the Silver rule on 2026-03-04)',
    });
    expect(partner(emu, locked).Tier).toBe('Registered');
    expect(partner(emu, quiet).Tier).toBe('Silver');
    const audit = rowsOf(emu, 'Audit Log').filter((r) => r['Record ID'] === star && r.Field === 'Tier');
    expect(audit.at(-1)).toMatchObject({
      'Old Value': 'Registered',
      'New Value': 'Silver',
      Source: 'trigger',
    });
    expect(
      mail(emu)
        .slice(sent)
        .map((m) => [m.to, m.subject]),
    ).toEqual([['sales@starpartners.test', 'Your partner tier is now Silver']]);
  });

  it('the scorecard says what is missing for the next tier', () => {
    const card = emu.call<PartnerScorecard>(OWNER, 'getPartnerScorecard', star, { period: 'Year to date' });
    expect(card.tier).toMatchObject({
      tier: 'Silver',
      nextTier: 'Gold',
      missing: '70,000.00 USD of won value and 3 won deals away from Gold (over 12 months).',
      forecast: 'No open approved deals.',
    });
  });

  it('moves a partner down only at the next review, after the grace days', () => {
    // Quiet Partners (Silver) has won nothing: not moved down before the quarter's review.
    emu.advance('P20D');
    expect(partner(emu, quiet).Tier).toBe('Silver');
    emu.advance('P10D'); // 2026-04-03: the first runs of Q2
    expect(partner(emu, quiet)).toMatchObject({ Tier: 'Registered' });
    expect(String(partner(emu, quiet)['Tier History'])).toMatch(
      /Silver -> Registered \(below the Silver rule for 30 days/,
    );
    expect(partner(emu, star).Tier).toBe('Silver');
  });
});

describe('automatic tiering, many changes on one day', () => {
  // 105 partners imported with no tier: each earns the lowest tier (Registered: no thresholds).
  const emu = tracker({ now: '2026-03-02T09:00:00Z' });
  const csv = [
    'Partner Name,Contact Email,Type',
    ...Array.from({ length: 105 }, (_, i) => `Bulk ${i} Co,hi@bulk${i}.test,Referral`),
  ].join('\n');
  emu.call(OWNER, 'runImport', 'partners', csv);
  setSetting(emu, 'Automatic Tiering', true);
  const bulk = () => rowsOf(emu, 'Partners').filter((r) => String(r['Partner Name']).startsWith('Bulk '));

  it('writes at most 50 changes per execution; the next hourly runs write the rest, each once', () => {
    expect(bulk()).toHaveLength(105);
    expect(bulk().every((r) => r.Tier === '')).toBe(true);
    emu.rt.advance(86_400_000);
    const parts: Array<{ continueFrom?: string; changes?: unknown[] }> = [];
    let tiered: number[] = [];
    for (let run = 0; run < 13; run++) {
      const report = runHourly(emu).result as {
        finished: boolean;
        jobs: Array<{ name: string; result?: { continueFrom?: string; changes?: unknown[] } }>;
      };
      for (const job of report.jobs) if (job.name === 'tiering' && job.result) parts.push(job.result);
      if (parts.length === 1 && !tiered.length)
        tiered = [bulk().filter((r) => r.Tier === 'Registered').length];
      if (report.finished) break;
      emu.rt.advance(3_600_000);
    }
    // the first execution wrote 50 changes and stopped, the next one 50 more, the last the 5 left
    expect(tiered).toEqual([50]);
    expect(parts.map((p) => p.continueFrom ?? p.changes?.length)).toEqual(['50 changed', '50 changed', 5]);
    for (const r of bulk()) {
      expect(r.Tier).toBe('Registered');
      expect(String(r['Tier History'])).toMatch(
        /^2026-03-03: \(none\) -> Registered \(meets the Registered rule on 2026-03-03\)$/,
      );
    }
    const audit = rowsOf(emu, 'Audit Log').filter(
      (r) => r.Field === 'Tier' && r['New Value'] === 'Registered',
    );
    expect(audit).toHaveLength(105);
  });
});
