/**
 * An Adjustment of a line already in an Approved payout, in the Commissions sidebar (shipped bundle):
 * it is listed first, in its own section, before every partner's Eligible lines, marked as needing
 * approval; approving it from there makes it Approved (it is paid by the next payout).
 */
import type { Session } from '../../playground/session';
import {
  describeWithBrowser,
  gotoPlayground,
  openPlayground,
  runMenu,
  sidebarFrame,
  sidebarScreenshot,
  type Harness,
} from './support/browser';
import { asOwner } from './support/program';

/**
 * "Aardvark" (first by name) has an Eligible line; "Zeta" had a 1,000.00 USD deal paid at 10% in an
 * Approved payout, then the plan's rate was corrected to 25% the same day: 150.00 USD more.
 */
function program(session: Session): void {
  asOwner(session, 'setupTracker');
  asOwner(session, 'savePlan', { name: 'Standard', type: 'percent', rate: 10, currency: 'USD', holdDays: 0 });
  const partner = (partnerName: string) =>
    asOwner<{ id: string }>(session, 'savePartner', {
      partnerName,
      contactEmail: `pay@${partnerName.toLowerCase()}.test`,
      type: 'Referral',
      plan: 'Standard',
    }).id;
  const won = (partnerId: string, company: string) => {
    const { id } = asOwner<{ id: string }>(session, 'registerLead', {
      partnerId,
      company,
      domain: `${company.toLowerCase()}.test`,
    });
    asOwner(session, 'reviewLead', id, 'approve', '');
    asOwner(session, 'closeLead', id, 'won', { dealValue: '1000' });
  };
  const zeta = partner('Zeta');
  won(zeta, 'Umbrella');
  asOwner(session, 'approveCommissions', ['C-000001']);
  const [payout] = asOwner<Array<{ id: string }>>(session, 'createPayouts', '2026-12-31');
  asOwner(session, 'approvePayout', payout.id);
  const [plan] = asOwner<Array<{ id: string; effectiveFrom: string }>>(session, 'listPlans');
  asOwner(
    session,
    'savePlan',
    { id: plan.id, name: 'Standard', type: 'percent', rate: 25, currency: 'USD', holdDays: 0 },
    { effectiveFrom: plan.effectiveFrom },
  );
  won(partner('Aardvark'), 'Initech');
  asOwner(session, 'runCommissions');
}

describeWithBrowser('an Adjustment after a payout, first in the Commissions page (shipped bundle)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await openPlayground();
    program(h.playground.session);
    h.playground.session.save();
    await gotoPlayground(h.page, h.playground.url);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('is listed first, needs approval, and is approved from there', async () => {
    const session = h.playground.session;
    const listed = asOwner<Array<{ id: string; kind: string; status: string; awaitingApproval?: boolean }>>(
      session,
      'listCommissions',
      {},
    );
    expect(listed.map((l) => [l.id, l.kind, l.status, l.awaitingApproval ?? false])).toEqual([
      ['C-000001', 'Commission', 'Approved', false],
      ['C-000002', 'Commission', 'Eligible', false],
      ['C-000003', 'Adjustment', 'Pending', true],
    ]);

    await runMenu(h.page, 'Commissions');
    const frame = await sidebarFrame(h.page);
    await frame.getByTestId('commission').first().waitFor();
    await frame.waitForSelector('#page[aria-busy="false"]');
    // first: the Adjustment's own section, before Aardvark's Eligible line (made before it)
    const rows = frame.getByTestId('commission');
    expect(await rows.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id))).toEqual([
      'C-000003',
      'C-000002',
    ]);
    const section = frame.getByTestId('adjustments-group');
    expect(
      await frame
        .getByTestId('commission-groups')
        .evaluate((g) => (g.firstElementChild as HTMLElement).dataset.testid),
    ).toBe('adjustments-group');
    const text = await section.textContent();
    expect(text).toContain('Adjustments after a payout');
    expect(text).toContain('needs approval before it is paid');
    expect(text).toContain('150.00');
    expect(text).toContain('C-000001 is already in payout PO-0001');
    await sidebarScreenshot(h.page, 'sidebar-commissions-adjustment');

    await section.getByTestId('commission').locator('input[name="ids"]').check();
    await frame.getByTestId('approve-selected').click();
    await frame.getByTestId('banner').filter({ hasText: 'Approved 1 line' }).waitFor();
    await frame.waitForSelector('#page[aria-busy="false"]');
    expect(await section.count()).toBe(0);
    const after = asOwner<Array<{ id: string; status: string }>>(session, 'listCommissions', {});
    expect(after.find((l) => l.id === 'C-000003')?.status).toBe('Approved');
  });
});
