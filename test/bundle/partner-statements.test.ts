/**
 * Monthly statements: on the 1st each partner with activity in the month before gets an e-mail (leads
 * by status, commissions, payouts, tier) with their view attached as CSV, within the day's mail
 * quota (the rest the following days), not to a partner who opted out; on demand for the month so far.
 */
import type { Emulator } from '../../emulator/harness';
import type { PlanInput } from '../../src/shared/api';
import { newEmulator, OWNER, runHourly } from '../support/emulator';

const PLAN: PlanInput = { name: 'Std', type: 'percent', rate: 10, holdDays: 0 };

function program(mailQuota = 100): { emu: Emulator; ids: string[] } {
  const emu = newEmulator({ now: '2026-03-10T09:00:00Z', mailQuota });
  emu.call(OWNER, 'setupTracker');
  emu.call(OWNER, 'savePlan', PLAN);
  const ids = ['Alpha', 'Beta', 'Gamma', 'Delta'].map((name, i) => {
    const { id } = emu.call<{ id: string }>(OWNER, 'savePartner', {
      partnerName: name,
      contactEmail: `boss@${name.toLowerCase()}.test`,
      type: 'Referral',
      plan: 'Std',
    });
    if (i < 3) {
      const lead = emu.call<{ id: string }>(OWNER, 'registerLead', {
        partnerId: id,
        company: `${name} Customer`,
      }).id;
      emu.call(OWNER, 'reviewLead', lead, 'approve');
      emu.call(OWNER, 'closeLead', lead, 'won', { dealValue: 1000 * (i + 1) });
    }
    return id;
  });
  runHourly(emu);
  return { emu, ids };
}

const statements = (emu: Emulator) =>
  emu.services.state.outbox.filter((m) => m.subject.includes('your statement'));

function optOut(emu: Emulator, row: number): void {
  const col = String.fromCharCode(65 + emu.sheets().Partners[0].indexOf('Statements'));
  const out = emu.edit(OWNER, 'Partners', `${col}${row}`, [['No']]);
  if (!out.ok) throw new Error(out.reason);
}

describe('monthly statements', () => {
  it('on the 1st: one per partner with activity, with the view as CSV; none to one who opted out', () => {
    const { emu } = program();
    optOut(emu, 3); // Beta
    emu.advance('P22D'); // to 2026-04-01 and its hourly runs
    const sent = statements(emu);
    expect(sent.map((m) => m.to).sort()).toEqual(['boss@alpha.test', 'boss@gamma.test']);
    const alpha = sent.find((m) => m.to === 'boss@alpha.test')!;
    expect(alpha.subject).toMatch(/your statement for 2026-03$/);
    expect(alpha.body).toMatch(/Leads by status: Won 1/);
    expect(alpha.body).toMatch(/Commissions earned this month: 100\.00 USD/);
    expect(alpha.attachments?.[0]).toMatchObject({ name: 'P-0001 2026-03.csv', contentType: 'text/csv' });
    expect(alpha.attachments?.[0].text).toContain('Alpha Customer');
    expect(alpha.attachments?.[0].text).not.toMatch(/Gamma|Beta/);
  });

  it('within the mail quota: the rest go on the following days, nothing lost', () => {
    const { emu } = program(2);
    emu.advance('P22D'); // 2026-04-01: the day's 2 recipients
    const first = statements(emu).length;
    expect(first).toBeLessThan(3);
    emu.advance('P2D');
    expect(
      statements(emu)
        .map((m) => m.to)
        .sort(),
    ).toEqual(['boss@alpha.test', 'boss@beta.test', 'boss@gamma.test']);
  });

  it('on demand: the month so far', () => {
    const { emu } = program();
    const report = emu.call<{ month: string; sent: number }>(OWNER, 'sendStatements');
    expect(report).toMatchObject({ month: '2026-03', sent: 3 });
  });
});
