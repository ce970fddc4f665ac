/**
 * Effective-dated plans through the bundle: savePlan(plan, {effectiveFrom}) writes a version; deals
 * closed before it keep the lines they earned (never recomputed, even when paid out), deals closed
 * on or after it use it; recalculateCommissions({from, preview: true}) lists every line it would add
 * (old amount, new amount, difference) and writes nothing; applied by the owner, the latest version
 * takes effect from that day and settled lines are corrected by an Adjustment line (one awaiting
 * approval when the line is in an Approved payout).
 */
import type { Commission, Payout, RecalculateResult } from '../../src/shared/api';
import { TEAMMATE } from '../support/emulator';
import { OWNER, addToTeam, lines, partnerOn, rowOf, tracker, wonDeal } from './commissions-fixture';

function setup() {
  const emu = tracker(); // 2026-03-02
  const a = partnerOn(emu, { name: 'Gold', type: 'percent', rate: 10, holdDays: 0 }, 'Alpha');
  const early = wonDeal(emu, a, 1000, 'USD', '2026-03-02'); // 10% of 1,000.00 = 100.00
  emu.call(OWNER, 'approveCommissions', [lines(emu)[0].id]);
  const [payout] = emu.call<Payout[]>(OWNER, 'createPayouts', '2026-03-31');
  emu.call(OWNER, 'approvePayout', payout.id);
  return { emu, a, early };
}

const amounts = (emu: ReturnType<typeof tracker>) =>
  emu.call<Commission[]>(OWNER, 'listCommissions', {}).map((l) => [l.leadId, l.kind, l.amount, l.status]);

describe('plan versions', () => {
  it('a new version from a later day leaves earned lines alone and pays later deals at its rate', () => {
    const { emu, a, early } = setup();
    const saved = emu.call(
      OWNER,
      'savePlan',
      { id: 'PL-001', name: 'Gold', type: 'percent', rate: 20, holdDays: 0 },
      {
        effectiveFrom: '2026-03-10',
      },
    );
    expect(saved).toEqual({ id: 'PL-002', effectiveFrom: '2026-03-10' });
    expect(
      emu
        .call<Array<{ id: string; rate: number; effectiveFrom: string }>>(OWNER, 'listPlans')
        .map((p) => [p.id, p.rate, p.effectiveFrom]),
    ).toEqual([
      ['PL-001', 10, '2026-03-02'],
      ['PL-002', 20, '2026-03-10'],
    ]);
    expect(emu.call(OWNER, 'runCommissions')).toMatchObject({ created: 0, voided: 0 });
    emu.advance('P10D'); // 2026-03-12
    const later = wonDeal(emu, a, 1000, 'USD', '2026-03-12'); // 20% of 1,000.00 = 200.00
    expect(amounts(emu)).toEqual([
      [early, 'Commission', 100, 'Approved'],
      [later, 'Commission', 200, 'Eligible'],
    ]);
  });

  it('recalculateCommissions: the preview lists the Adjustment it would add and writes nothing; the owner applies it', () => {
    const { emu, early } = setup();
    addToTeam(emu, TEAMMATE);
    emu.call(
      OWNER,
      'savePlan',
      { id: 'PL-001', name: 'Gold', type: 'percent', rate: 25, holdDays: 0 },
      {
        effectiveFrom: '2026-03-20',
      },
    );
    const before = emu.sheets();
    const preview = emu.call<RecalculateResult>(TEAMMATE, 'recalculateCommissions', {
      from: '2026-03-01',
      preview: true,
    });
    expect(preview).toEqual({
      preview: true,
      versions: [{ id: 'PL-002', plan: 'Gold', from: '2026-03-20', to: '2026-03-01' }],
      lines: [
        {
          leadId: early,
          partnerId: 'P-0001',
          plan: 'Gold',
          kind: 'Adjustment',
          currency: 'USD',
          amount: 150,
          oldAmount: 100,
          newAmount: 250,
          difference: 150,
          explanation:
            `adjusts ${early}/commission from 100.00 USD to 250.00 USD: 25% of 1,000.00 USD; ` +
            'C-000001 is already in payout PO-0001: needs approval before it is paid',
        },
      ],
    });
    expect(emu.sheets()).toEqual(before);

    const refused = emu.measure(() => emu.call(TEAMMATE, 'recalculateCommissions', { from: '2026-03-01' }));
    expect(refused.error).toMatch(/is for the spreadsheet's owner/);
    expect(emu.sheets()).toEqual(before);

    const applied = emu.call<RecalculateResult>(OWNER, 'recalculateCommissions', { from: '2026-03-01' });
    expect(applied.lines).toEqual(preview.lines);
    expect(rowOf(emu, 'Plans', 'PL-002')['Effective From']).toBe('2026-03-01T00:00:00.000Z');
    expect(amounts(emu)).toEqual([
      [early, 'Commission', 100, 'Approved'],
      // the line is in an Approved payout: its Adjustment waits for a person's approval
      [early, 'Adjustment', 150, 'Pending'],
    ]);
    // nothing left to do
    expect(
      emu.call<RecalculateResult>(OWNER, 'recalculateCommissions', { from: '2026-03-01', preview: true })
        .lines,
    ).toEqual([]);
  });

  it('refuses a bad day and an unknown plan, writing nothing', () => {
    const { emu } = setup();
    expect(emu.measure(() => emu.call(OWNER, 'recalculateCommissions', { from: 'soon' })).error).toBe(
      "From 'soon' must be a day such as 2026-01-01",
    );
    expect(
      emu.measure(() => emu.call(OWNER, 'recalculateCommissions', { from: '2026-01-01', plan: 'Nope' }))
        .error,
    ).toBe("Plan 'Nope' is not in the Plans sheet");
    expect(
      emu.measure(() =>
        emu.call(
          OWNER,
          'savePlan',
          { id: 'PL-001', name: 'Gold', type: 'percent', rate: 5 },
          { effectiveFrom: 'May' },
        ),
      ).error,
    ).toBe("Effective From 'May' must be a day such as 2026-03-01");
  });
});
