/**
 * A partner manager's first hour in the playground (issue 21): `npm start` on a fresh clone opens
 * the demo program set up and ready, on the landing sheet (Leads), with a "Get started" panel of
 * five things to try; the stale/expiring/status highlights set-up promises are drawn; the e-mails
 * the add-on sent are in the Outbox; Reset offers a blank workbook or the demo; Set up tracker ends
 * with a summary, on the landing sheet.
 */
import {
  describeWithBrowser,
  idle,
  openPlayground,
  runMenu,
  screenshot,
  sidebarFrame,
  type Harness,
} from './support/browser';

describeWithBrowser('the playground a new user opens (shipped bundle)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await openPlayground({ fresh: 'demo' });
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('opens the demo program on Leads with Get started and the highlights drawn', async () => {
    await h.page.waitForSelector('body[data-sheet="Leads"]');
    const panel = h.page.getByTestId('get-started');
    expect(await panel.isVisible()).toBe(true);
    expect(await panel.locator('li').count()).toBe(5);
    expect(await panel.textContent()).toMatch(
      /Register a lead.*See a conflict.*Approve.*Close a deal.*Approve a commission/s,
    );
    // Conditional formats: the Won (green) and Approved (blue) rows of set-up's rules.
    const backgrounds = await h.page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('[data-testid="grid"] td')).map(
        (td) => td.style.backgroundColor,
      ),
    );
    expect(backgrounds.some((b) => b.includes('217, 234, 211'))).toBe(true);
    expect(backgrounds.some((b) => b.includes('207, 226, 243'))).toBe(true);
    await screenshot(h.page, 'playground');
  });

  it('shows the e-mails the add-on sent in the Outbox', async () => {
    const count = Number(await h.page.getByTestId('outbox-count').textContent());
    expect(count).toBeGreaterThan(0);
    await h.page.getByTestId('toggle-outbox').click();
    await h.page.getByTestId('mail').first().waitFor();
    expect(await h.page.getByTestId('mail').count()).toBe(count);
    expect(await h.page.getByTestId('mail-subject').first().textContent()).not.toBe('');
    await screenshot(h.page, 'playground-outbox');
    await h.page.getByTestId('outbox-close').click();
  });

  it('opens an add-on page from Get started', async () => {
    await h.page.getByTestId('try-approve').click();
    await idle(h.page);
    expect(await h.page.getByTestId('sidebar-title').textContent()).toBe('Review leads');
    const frame = await sidebarFrame(h.page);
    await frame.getByTestId('lead').first().waitFor();
  });

  it('resets to a blank workbook; Set up tracker then summarizes and lands on Leads', async () => {
    await h.page.getByTestId('menu-file').click();
    await h.page.getByTestId('action-reset').click();
    expect(await h.page.getByTestId('dialog-ok').textContent()).toBe('Blank workbook');
    expect(await h.page.getByTestId('dialog-alt').textContent()).toBe('Demo program');
    await h.page.getByTestId('dialog-ok').click();
    await idle(h.page);
    await h.page.waitForFunction(() => !document.querySelector('[data-testid="tabs"] [data-sheet="Leads"]'));
    expect(h.playground.session.emu.services.state.outbox.length).toBe(0);

    await runMenu(h.page, 'Set up tracker');
    await h.page.getByTestId('dialog').waitFor();
    expect(await h.page.getByTestId('dialog-title').textContent()).toBe('Set up tracker');
    const summary = (await h.page.getByTestId('dialog-message').textContent()) ?? '';
    expect(summary).toMatch(/^Set-up done: created /);
    expect(summary).toMatch(/What each sheet holds/);
    expect(summary).toMatch(/Settings > Team/);
    await screenshot(h.page, 'playground-setup-summary');
    await h.page.getByTestId('dialog-ok').click();
    await h.page.waitForSelector('body[data-sheet="Leads"]');
  });
});
