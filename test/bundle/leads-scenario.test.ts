/** The JSON scenario test/scenarios/leads-conflict-and-expiry.json, played by the scenario runner. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runScenario } from '../../emulator/scenario';
import type { Lead, RegisterLeadResult } from '../../src/shared/api';

interface Step {
  ok: boolean;
  result?: unknown;
  error?: string;
}

const file = path.resolve(__dirname, '..', 'scenarios', 'leads-conflict-and-expiry.json');

describe('scenario: conflicting registrations, a refused duplicate, an illegal edit, expiry', () => {
  const out = runScenario(JSON.parse(readFileSync(file, 'utf8'))) as {
    steps: Step[];
    sheets: Record<string, unknown[][]>;
    mail: Array<{ to: string; subject: string; sentAt: string; body: string }>;
  };

  it('records the second partner’s registration with the conflict, and refuses the duplicate', () => {
    expect(out.steps.slice(0, 4).every((s) => s.ok)).toBe(true);
    const second = out.steps[4].result as RegisterLeadResult;
    expect(second.conflicts.map((c) => c.reason)).toEqual([
      'same domain acme.com as L-000001, Beta Partners, protected until 2026-05-31',
    ]);
    expect(out.steps[5]).toEqual({
      ok: false,
      error: 'You already registered Acme Inc (L-000001), still Submitted until 2026-05-31',
      calls: expect.any(Number),
    });
    expect(out.steps[7].ok).toBe(true);
  });

  it('puts an illegal status edit back', () => {
    expect(out.steps[8].ok).toBe(true);
    expect((out.steps[9].result as Lead).status).toBe('Submitted');
  });

  it('expires every protected lead once its window has passed, with the reason', () => {
    const expired = out.steps[11].result as Lead[];
    expect(expired.map((l) => [l.id, l.decisionNote])).toEqual([
      ['L-000001', 'Protection window ended on 2026-05-31'],
      ['L-000002', 'Protection window ended on 2026-05-31'],
      ['L-000003', 'Protection window ended on 2026-05-31'],
    ]);
    const leads = out.sheets.Leads as unknown[][];
    // text in a plain-text cell, with the guard apostrophe (src/domain/formula-text.ts cellText)
    expect(leads[3][3]).toBe('\'=HYPERLINK("http://evil.test")');
  });

  it("over the day's quota (3), each partner's notices go as one digest: every partner told on the day", () => {
    const firstDay = out.mail.filter((m) => m.sentAt.startsWith('2026-03-02'));
    expect(firstDay.map((m) => [m.to, m.subject])).toEqual([
      ['sales@beta.test', 'Lead approved: Acme Inc (L-000001)'],
      ['sales@beta.test', 'Lead registration received: Acme Inc (L-000001)'],
      ['sales@gamma.test', '2 updates on your partnership'],
    ]);
    const digest = firstDay[2].body;
    expect(digest).toContain('Lead registration received: Acme Corporation (L-000002)');
    expect(digest).toContain('Lead registration received: =HYPERLINK("http://evil.test") (L-000003)');
    // Told once: no registration e-mail for them the next day.
    expect(
      out.mail.filter((m) => /^Lead registration received/.test(m.subject) && m.to === 'sales@gamma.test'),
    ).toEqual([]);
  });
});
