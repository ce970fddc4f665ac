/** The JSON scenario test/scenarios/commissions-won-to-paid.json, played by the scenario runner. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runScenario } from '../../emulator/scenario';

type Step = { ok: boolean; result?: unknown; error?: string };

describe('scenario: a deal from Won to paid, then lost', () => {
  const file = path.join(__dirname, '..', 'scenarios', 'commissions-won-to-paid.json');
  const out = runScenario(JSON.parse(readFileSync(file, 'utf8'))) as { steps: Step[] };

  it('refuses approval during the hold, then pays 1,440.00 USD (12% of 12,000.00) through PayPal', () => {
    expect(out.steps[6]).toMatchObject({ ok: false, error: 'C-000001 is on hold until 2026-04-01' });
    expect(out.steps[8].result).toEqual({ approved: 1 });
    expect(out.steps[9].result).toEqual([expect.objectContaining({ id: 'PO-0001', amount: 1440, lines: 1 })]);
    // the PayPal file is made from the Approved payout (a paid one is not paid twice), then it is marked paid
    expect(out.steps[12].result).toMatchObject({ status: 'Paid', reference: 'WIRE-7781' });
    expect((out.steps[11].result as { content: string }).content).toBe(
      'pay@acme-resellers.test,1440.00,USD,PO-0001,"Partner commission PO-0001, 2026-03-02 to 2026-04-30",PAYPAL\r\n',
    );
  });

  it("the rep's Lost edit (the owner put the rep on the Team) claws the paid line back with a negative line pointing at it", () => {
    expect(out.steps.every((s, i) => s.ok || i === 6)).toBe(true);
    const ledger = out.steps[15].result as Array<Record<string, unknown>>;
    expect(ledger.map((l) => [l.id, l.kind, l.amount, l.status])).toEqual([
      ['C-000001', 'Commission', 1440, 'Paid'],
      ['C-000002', 'Clawback', -1440, 'Eligible'],
    ]);
    expect(ledger[1].explanation).toBe('reverses C-000001: L-000001/commission is no longer due');
  });
});
