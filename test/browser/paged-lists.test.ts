/**
 * Review leads and Partners list what the server pages (issue 19): the first page, "Load more" for
 * the next, a search typed is sent once typing pauses (the server searches), an empty state when
 * nothing matches.
 */
import { OWNER } from '../../playground/session';
import {
  describeWithBrowser,
  gotoPlayground,
  openPlayground,
  runMenu,
  sidebarFrame,
  sidebarScreenshot,
  type Harness,
} from './support/browser';
import { companyName } from '../support/company-names';

const LEADS = 56;
const PARTNERS = 53;

describeWithBrowser('sidebar lists paged and searched on the server (shipped bundle)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await openPlayground();
    const session = h.playground.session;
    await runMenu(h.page, 'Set up tracker');
    const partnerIds: string[] = [];
    for (let i = 0; i < PARTNERS; i++) {
      const saved = session.apply({
        as: OWNER,
        call: 'savePartner',
        args: [
          {
            partnerName: `Partner ${companyName(100 + i)}`,
            contactEmail: `p${i}@partners.test`,
            type: 'Referral',
          },
        ],
      });
      if (!saved.ok) throw new Error(`savePartner failed: ${saved.error}`);
      partnerIds.push((saved.result as { id: string }).id);
    }
    for (let i = 0; i < LEADS; i++) {
      const registered = session.apply({
        as: OWNER,
        call: 'registerLead',
        args: [{ partnerId: partnerIds[i % 3], company: companyName(i), domain: `c${i}.example` }],
      });
      if (!registered.ok) throw new Error(`registerLead failed: ${registered.error}`);
    }
    await gotoPlayground(h.page, h.playground.url);
  }, 300_000);
  afterAll(async () => {
    await h?.close();
  });

  it('Review leads: a page, Load more, search as you type, no match', async () => {
    await runMenu(h.page, 'Review leads');
    const frame = await sidebarFrame(h.page);
    const cards = frame.getByTestId('lead');
    const more = frame.getByTestId('load-more');
    await more.waitFor();
    expect(await cards.count()).toBe(50);
    expect(await frame.getByTestId('lead-count').textContent()).toBe(`${LEADS} leads, 50 shown`);
    await more.click();
    await frame.locator(`[data-testid="lead"]:nth-child(${LEADS})`).waitFor();
    expect(await cards.count()).toBe(LEADS);
    expect(await more.isHidden()).toBe(true);
    expect(await frame.getByTestId('lead-count').textContent()).toBe(`${LEADS} leads`);

    // Typed a character at a time: one search once typing pauses, answered by the server.
    const target = companyName(41);
    await frame.getByTestId('lead-search').pressSequentially(target.slice(0, 6).toLowerCase(), { delay: 30 });
    await frame.waitForFunction(() => document.querySelectorAll('[data-testid="lead"]').length === 1);
    expect(await cards.first().locator('.card-title').textContent()).toBe(target);
    expect(await frame.getByTestId('lead-count').textContent()).toMatch(/^1 lead matching/);
    await sidebarScreenshot(h.page, 'sidebar-review-leads-search');

    await frame.getByTestId('lead-search').fill('no-such-company');
    await frame.getByTestId('empty-state').waitFor();
    expect(await frame.locator('#empty-title').textContent()).toBe('No matching leads');
    expect(await cards.count()).toBe(0);

    // The Approved tab: none yet (its own empty state, the search applies there too).
    await frame.getByTestId('lead-search').fill('');
    await frame.locator('#tab-approved').click();
    await frame.waitForFunction(
      () => document.querySelector('#empty-title')?.textContent === 'No approved leads',
    );
    expect(await frame.getByTestId('empty-state').isVisible()).toBe(true);
  });

  it('Partners: a page, Load more, search as you type', async () => {
    await runMenu(h.page, 'Partners');
    const frame = await sidebarFrame(h.page);
    const cards = frame.locator('[data-testid="partner-list"] > li');
    const more = frame.getByTestId('load-more');
    await more.waitFor();
    expect(await cards.count()).toBe(50);
    expect(await frame.getByTestId('partner-count').textContent()).toBe(`${PARTNERS} partners, 50 shown`);
    await more.click();
    await frame.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="partner-list"] > li').length === n,
      PARTNERS,
    );
    expect(await more.isHidden()).toBe(true);
    await frame.locator('#search').pressSequentially('p7@partners', { delay: 30 });
    await frame.waitForFunction(
      () => document.querySelectorAll('[data-testid="partner-list"] > li').length === 1,
    );
    expect(await frame.getByTestId('partner-count').textContent()).toMatch(/^1 partner matching/);
  });
});
