/**
 * The Commissions sidebar with a long list (issue 21): Approve and Reject stay in reach (a sticky
 * action bar), a partner's name selects its lines, "Lines eligible through" defaults to the
 * document's today (the playground's simulated clock, not the browser's), and a failed export shows
 * its error next to Export with the previous download link gone.
 */
import type { Frame } from 'playwright-core';
import type { Session } from '../../playground/session';
import { describeWithBrowser, idle, sidebarScreenshot, type Harness } from './support/browser';
import { asOwner as call, openSetUpPlayground, openSidebarPage } from './support/program';

/**
 * Two partners on a 10% plan (one paid in EUR, one in USD), `count` won deals each; the hold is over
 * by the time the test looks.
 */
function program(session: Session, count: number): void {
  call(session, 'savePlan', { name: 'Standard Referral', type: 'percent', rate: 10 });
  const partners = [
    { partnerName: 'Zeta Labs', contactEmail: 'z@zeta.test', type: 'Referral', plan: 'Standard Referral' },
    {
      partnerName: 'Alpha Partners',
      contactEmail: 'ap@alpha.test',
      type: 'Referral',
      plan: 'Standard Referral',
    },
  ].map((p) => (call(session, 'savePartner', p) as { id: string }).id);
  for (const [p, partnerId] of partners.entries()) {
    for (let i = 0; i < count; i++) {
      const { id } = call(session, 'registerLead', {
        partnerId,
        company: `Customer ${p}-${i} ${'abcdefghijklmnopqrstuvwxyz'[i % 26]}${'zyxwvutsrqponmlkjihgfedcba'[(i * 7) % 26]}`,
        domain: `c${p}x${i}.test`,
        currency: p === 0 ? 'EUR' : 'USD',
      }) as { id: string };
      call(session, 'reviewLead', id, 'approve', '');
      call(session, 'closeLead', id, 'won', { dealValue: '1000' });
    }
  }
  const advanced = session.apply({ advance: 'P31D' }, { persist: false });
  if (!advanced.ok) throw new Error(`advance failed: ${advanced.error}`);
  call(session, 'runCommissions');
}

async function openCommissions(h: Harness): Promise<Frame> {
  const frame = await openSidebarPage(h.page, 'Commissions');
  await frame.getByTestId('commission').first().waitFor();
  return frame;
}

describeWithBrowser('Commissions sidebar with a long list (shipped bundle)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await openSetUpPlayground((session) => program(session, 12));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('keeps Approve and Reject in view, and a partner name toggles its lines', async () => {
    const frame = await openCommissions(h);
    const lines = await frame.getByTestId('commission').count();
    expect(lines).toBeGreaterThanOrEqual(24);
    const viewport = await frame.evaluate(() => window.innerHeight);
    const scroll = await frame.evaluate(() => document.documentElement.scrollHeight);
    expect(scroll).toBeGreaterThan(viewport * 2);
    const approve = frame.getByTestId('approve-selected');
    const box = await approve.evaluate((b) => b.getBoundingClientRect().toJSON() as DOMRect);
    expect(box.bottom).toBeLessThanOrEqual(viewport);
    expect(box.top).toBeGreaterThanOrEqual(0);

    const group = frame.getByTestId('partner-group').filter({ hasText: 'Alpha Partners' });
    await group.getByTestId('partner-name').click();
    const boxes = group.locator('input[name="ids"]');
    const count = await boxes.count();
    expect(count).toBe(12);
    for (let i = 0; i < count; i++) expect(await boxes.nth(i).isChecked()).toBe(true);
    expect(await frame.getByTestId('selection').textContent()).toMatch(/^12 of 24 selected/);
    await sidebarScreenshot(h.page, 'sidebar-commissions-long');
    await group.getByTestId('partner-name').click();
    expect(await boxes.first().isChecked()).toBe(false);
  });

  it("defaults the payout date to the document's today and shows a failed export next to Export", async () => {
    const frame = await openCommissions(h);
    await frame.locator('#tab-payouts').click();
    await idle(h.page);
    const today = h.playground.session.emu.rt.now().toISOString().slice(0, 10);
    expect(await frame.locator('#throughDate').inputValue()).toBe(today);

    // Approve every line, make the payouts, export them as CSV: a download link.
    await frame.locator('#tab-lines').click();
    for (const name of await frame.getByTestId('partner-name').all()) await name.click();
    await frame.getByTestId('approve-selected').click();
    await frame.waitForSelector('#page[aria-busy="false"]');
    await frame.getByTestId('lines-empty').waitFor();
    await frame.locator('#tab-payouts').click();
    await frame.locator('#create').click();
    await frame.getByTestId('payout').first().waitFor();
    await frame.waitForSelector('#page[aria-busy="false"]');
    for (const box of await frame.locator('input[name="payoutIds"]').all()) await box.check();
    await frame.locator('#format').selectOption('csv');
    await frame.getByTestId('export').click();
    await frame.getByTestId('download').waitFor();
    await frame.waitForSelector('#page[aria-busy="false"]');

    // One PayPal batch holds one currency: Zeta Labs is paid in EUR, Alpha Partners in USD (the
    // payouts approved first: a Draft is no payment file, issue 15).
    for (const payout of call(h.playground.session, 'listPayouts') as Array<{ id: string }>)
      call(h.playground.session, 'approvePayout', payout.id);
    await frame.locator('#format').selectOption('paypal');
    await frame.getByTestId('export').click();
    const error = frame.getByTestId('export-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/currenc/i);
    expect(await frame.getByTestId('download').isVisible()).toBe(false);
    const inView = await error.evaluate((node) => {
      const r = node.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    expect(inView).toBe(true);
    expect(await frame.getByTestId('banner').isVisible()).toBe(false);
  });
});
