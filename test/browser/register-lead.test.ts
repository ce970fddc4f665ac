/**
 * The tracker's "Register lead" sidebar in Chromium, on the shipped bundle (dist/) running in the
 * playground: end to end into the Leads sheet and the Audit Log, field errors, keyboard only, user
 * text rendered as text, and a person's edit refused on a protected cell.
 */
import type { Frame } from 'playwright-core';
import { COLLEAGUE, OWNER, TEAMMATE } from '../../playground/session';
import {
  actAs,
  cell,
  columnOf,
  describeWithBrowser,
  gotoPlayground,
  idle,
  openPlayground,
  openTab,
  rowText,
  rowsWhere,
  runMenu,
  screenshot,
  sidebarFrame,
  type Harness,
} from './support/browser';

const PARTNER = {
  partnerName: 'Beta Partners',
  contactName: 'Bea Partner',
  contactEmail: 'bea@beta-partners.test',
  type: 'Referral',
};

async function openRegisterLead(h: Harness): Promise<Frame> {
  await runMenu(h.page, 'Register lead');
  expect(await h.page.getByTestId('sidebar-title').textContent()).toBe('Register lead');
  const frame = await sidebarFrame(h.page);
  await frame.waitForSelector('#partnerId option[value^="P-"]', { state: 'attached' });
  await frame.waitForSelector('#page[aria-busy="false"]');
  return frame;
}

async function fill(frame: Frame, values: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(values)) {
    const control = frame.locator(`[name="${name}"]`);
    const tag = await control.evaluate((node) => node.tagName);
    if (tag === 'SELECT') await control.selectOption(value);
    else await control.fill(value);
  }
}

async function registered(frame: Frame): Promise<string> {
  await frame.getByTestId('result').waitFor({ state: 'visible' });
  return ((await frame.getByTestId('result-id').textContent()) ?? '').trim();
}

describeWithBrowser('Register lead sidebar (shipped bundle)', () => {
  let h: Harness;
  let partnerId: string;

  beforeAll(async () => {
    h = await openPlayground();
    const session = h.playground.session;
    for (const fn of ['setupTracker', 'savePartner', 'showRegisterLead', 'getFormOptions', 'registerLead']) {
      if (!session.emu.has(fn)) throw new Error(`dist/Code.js has no ${fn} yet: these tests wait on it`);
    }
    await runMenu(h.page, 'Set up tracker');
    const added = session.addToTeam(TEAMMATE);
    if (!added.ok) throw new Error(`adding the teammate to Settings > Team failed: ${added.error}`);
    const saved = session.apply({ as: OWNER, call: 'savePartner', args: [PARTNER] });
    if (!saved.ok) throw new Error(`savePartner failed: ${saved.error}`);
    partnerId = (saved.result as { id: string }).id;
    await gotoPlayground(h.page, h.playground.url);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('registers a lead end to end: the row in Leads and its entry in the Audit Log', async () => {
    const frame = await openRegisterLead(h);
    await screenshot(h.page, 'register-lead-form');
    await fill(frame, {
      partnerId,
      company: 'Acme Corp',
      domain: 'acme.com',
      contactName: 'Jane Doe',
      contactEmail: 'jane@acme.com',
      estimatedValue: '12000',
    });
    await frame.locator('#submit').click();
    const id = await registered(frame);
    expect(id).toMatch(/^L-\d{6}$/);
    expect(await frame.getByTestId('result-status').textContent()).toContain('Submitted');
    await idle(h.page);
    await screenshot(h.page, 'register-lead-result');

    await openTab(h.page, 'Leads');
    const leadRows = await rowsWhere(h.page, await columnOf(h.page, 'Lead ID'), id);
    expect(leadRows).toHaveLength(1);
    const row = await rowText(h.page, leadRows[0]);
    expect(row).toEqual(
      expect.arrayContaining([partnerId, 'Acme Corp', 'acme.com', 'jane@acme.com', 'Submitted']),
    );
    await screenshot(h.page, 'leads-sheet');

    await openTab(h.page, 'Audit Log');
    const auditRows = await rowsWhere(h.page, await columnOf(h.page, 'Record ID'), id);
    expect(auditRows.length).toBeGreaterThan(0);
    const entry = await rowText(h.page, auditRows[0]);
    expect(entry).toEqual(expect.arrayContaining([OWNER, 'Leads', id]));
    await screenshot(h.page, 'audit-log-sheet');
  });

  it("says what became of the partner's e-mail: sending, sent, or left for the next hourly run", async () => {
    const emu = h.playground.session.emu;
    const mails = () => (emu.services.state.outbox as Array<{ to: string; subject: string }>).slice();
    // The e-mail's own call held back: the registration is shown at once, the line says "Sending…".
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await h.page.route('**/api/run', async (route) => {
      const body = route.request().postDataJSON() as { fn?: string } | null;
      if (body?.fn === 'sendOwedMail') await held;
      await route.continue();
    });
    let frame = await openRegisterLead(h);
    await fill(frame, { partnerId, company: 'Mail Co', domain: 'mail-co.test' });
    await frame.locator('#submit').click();
    const id = await registered(frame);
    const line = frame.getByTestId('result-mail');
    expect(await line.textContent()).toBe('Sending…');
    expect(await frame.locator('#page').getAttribute('aria-busy')).toBe('false');
    expect(mails().map((m) => m.subject)).not.toContain(`Lead registration received: Mail Co (${id})`);
    release();
    await frame.waitForFunction(() => document.querySelector('#result-mail')?.textContent !== 'Sending…');
    expect(await line.textContent()).toBe('Sent');
    expect(mails()).toContainEqual(
      expect.objectContaining({
        to: PARTNER.contactEmail,
        subject: `Lead registration received: Mail Co (${id})`,
      }),
    );
    await h.page.unroute('**/api/run');

    // Its call fails (as google.script.run reports a server error): the next hourly run sends it.
    await h.page.route('**/api/run', async (route) => {
      const body = route.request().postDataJSON() as { fn?: string } | null;
      if (body?.fn !== 'sendOwedMail') return route.continue();
      return route.fulfill({
        json: {
          ok: false,
          error: 'Exception: Lock timeout: another process was holding the lock for too long.',
        },
      });
    });
    frame = await openRegisterLead(h);
    await fill(frame, { partnerId, company: 'Later Co', domain: 'later-co.test' });
    await frame.locator('#submit').click();
    const later = await registered(frame);
    await frame.waitForFunction(() => document.querySelector('#result-mail')?.textContent !== 'Sending…');
    expect(await frame.getByTestId('result-mail').textContent()).toBe(
      'Not sent yet: it goes with the next hourly run',
    );
    expect(mails().map((m) => m.subject)).not.toContain(`Lead registration received: Later Co (${later})`);
    await screenshot(h.page, 'register-lead-mail-later');
    await h.page.unroute('**/api/run');
  });

  it('shows what is wrong next to each field and registers nothing', async () => {
    await openTab(h.page, 'Leads');
    const before = await rowsWhere(h.page, await columnOf(h.page, 'Partner ID'), partnerId);
    const frame = await openRegisterLead(h);
    await fill(frame, { partnerId, company: '', contactEmail: 'bob@', estimatedValue: '-5' });
    await frame.locator('#submit').click();
    const email = frame.getByTestId('error-contactEmail');
    await email.waitFor({ state: 'visible' });
    expect(await email.textContent()).toMatch(/Contact Email 'bob@'/);
    await expect(frame.getByTestId('error-company').textContent()).resolves.toMatch(/Company/);
    await expect(frame.getByTestId('error-estimatedValue').textContent()).resolves.toMatch(/Estimated Value/);
    expect(await frame.locator('#contactEmail').getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await frame.locator('#contactEmail').getAttribute('aria-describedby')) ?? '';
    expect(describedBy.split(' ')).toContain(await email.getAttribute('id'));
    expect(await frame.getByTestId('banner').isVisible()).toBe(true);
    await screenshot(h.page, 'register-lead-errors');
    await idle(h.page);
    expect(await rowsWhere(h.page, await columnOf(h.page, 'Partner ID'), partnerId)).toEqual(before);
  });

  it('can be used with the keyboard alone', async () => {
    await h.page.getByTestId('menu-extensions').focus();
    await h.page.keyboard.press('Enter');
    const items = await h.page.getByTestId('addon-item').allTextContents();
    for (let i = 0; i < items.indexOf('Register lead'); i++) await h.page.keyboard.press('ArrowDown');
    await h.page.keyboard.press('Enter');
    await idle(h.page);
    const frame = await sidebarFrame(h.page);
    await frame.waitForSelector('#partnerId option[value^="P-"]', { state: 'attached' });
    await frame.waitForSelector('#page[aria-busy="false"]');
    await frame.locator('#partnerId').focus();
    const keys = frame.page().keyboard;
    while ((await frame.locator('#partnerId').inputValue()) !== partnerId) await keys.press('ArrowDown');
    await keys.press('Tab');
    await keys.type('Keyboard Industries');
    await keys.press('Tab');
    await keys.type('keyboard.example');
    await keys.press('Enter');
    const id = await registered(frame);
    expect(id).toMatch(/^L-\d{6}$/);
    expect(await frame.evaluate(() => document.activeElement?.id)).toBe('result-title');
  });

  it('renders HTML and script in a field as inert text', async () => {
    const payload = '<img src=x onerror="top.__xss=1"><script>top.__xss=2</script>';
    const dialogs: string[] = [];
    h.page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const frame = await openRegisterLead(h);
    await fill(frame, {
      partnerId,
      company: `Evil ${payload}`,
      domain: 'evil.example',
      notes: `<b>bold?</b><script>alert(1)</script>`,
    });
    await frame.locator('#submit').click();
    await registered(frame);
    expect(await frame.getByTestId('banner').textContent()).toContain(`Evil ${payload}`);
    expect(await frame.locator('img, b').count()).toBe(0);
    await idle(h.page);
    await openTab(h.page, 'Leads');
    const rows = await rowsWhere(h.page, await columnOf(h.page, 'Company'), `Evil ${payload}`);
    expect(rows).toHaveLength(1);
    expect(await h.page.locator('[data-testid="grid"] img, [data-testid="grid"] b').count()).toBe(0);
    expect(await h.page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });

  it('lets a teammate (an editor, not the owner) register a lead from the sidebar', async () => {
    await actAs(h.page, TEAMMATE);
    try {
      const frame = await openRegisterLead(h);
      await fill(frame, { partnerId, company: 'Teammate Logistics', domain: 'teammate-logistics.example' });
      await frame.locator('#submit').click();
      await frame.waitForSelector('#page[aria-busy="false"]');
      expect(await frame.locator('#banner[data-kind="error"]').count()).toBe(0);
      const id = await registered(frame);
      await idle(h.page);
      await openTab(h.page, 'Leads');
      expect(await rowsWhere(h.page, await columnOf(h.page, 'Lead ID'), id)).toHaveLength(1);
    } finally {
      await actAs(h.page, OWNER);
    }
  });

  it("refuses a colleague's (an editor not on the Team) edit of a protected cell with Sheets' message", async () => {
    await actAs(h.page, COLLEAGUE);
    await openTab(h.page, 'Audit Log');
    const target = cell(h.page, 2, 1);
    const before = await target.textContent();
    await expect(target.getAttribute('class')).resolves.toContain('locked');
    await target.click();
    await h.page.keyboard.type('tampered');
    await h.page.keyboard.press('Enter');
    await h.page.getByTestId('dialog').waitFor({ state: 'visible' });
    expect(await h.page.getByTestId('dialog-message').textContent()).toMatch(/protected cell/i);
    await screenshot(h.page, 'protected-cell-refused');
    await h.page.getByTestId('dialog-ok').click();
    expect(await target.textContent()).toBe(before);
  });
});
