/**
 * The Partner scorecard page in the playground's 300 px panel (shipped bundle): empty state without
 * partners; opened from the Partners page's Scorecard button for that partner, its figures, the tier
 * progress bar, the trend chart drawn in the page (Chart.js bundled in: no request to another host),
 * and a period change reloading it.
 */
import { OWNER } from '../../playground/session';
import {
  describeWithBrowser,
  gotoPlayground,
  idle,
  openPlayground,
  openTab,
  runMenu,
  screenshot,
  sidebarFrame,
  type Harness,
} from './support/browser';

describeWithBrowser('the Partner scorecard page (shipped bundle)', () => {
  let h: Harness;
  const outside: string[] = [];

  beforeAll(async () => {
    h = await openPlayground();
    h.page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.hostname !== '127.0.0.1' && url.protocol !== 'data:' && url.protocol !== 'about:')
        outside.push(request.url());
    });
    await runMenu(h.page, 'Set up tracker');
    await gotoPlayground(h.page, h.playground.url); // past set-up's summary dialog
  });
  afterAll(async () => {
    await h?.close();
  });

  const apply = (call: string, ...args: unknown[]) => {
    const out = h.playground.session.apply({ as: OWNER, call, args });
    if (!out.ok) throw new Error(`${call} failed: ${out.error}`);
    return out.result as { id: string };
  };

  it('says there is no partner yet', async () => {
    await runMenu(h.page, 'Partner scorecard');
    const frame = await sidebarFrame(h.page);
    await frame.getByTestId('empty-state').waitFor();
    expect(await frame.getByTestId('scorecard').isHidden()).toBe(true);
  });

  it('opens from the Partners page for that partner: figures, tier bar and the trend chart', async () => {
    const alpha = apply('savePartner', {
      partnerName: 'Alpha Partners',
      contactEmail: 'a@alpha.test',
      type: 'Referral',
      tier: 'Registered',
    }).id;
    apply('savePartner', { partnerName: 'Beta Partners', contactEmail: 'b@beta.test', type: 'Referral' });
    for (const [company, value] of [['Acme', 20000]] as const) {
      const { id } = apply('registerLead', {
        partnerId: alpha,
        company,
        domain: `${company.toLowerCase()}.com`,
      });
      apply('reviewLead', id, 'approve', 'ok');
      apply('closeLead', id, 'won', { dealValue: value });
    }
    const open = apply('registerLead', {
      partnerId: alpha,
      company: 'Crane',
      domain: 'crane.com',
      estimatedValue: 9000,
    });
    apply('reviewLead', open.id, 'approve', 'ok');
    await gotoPlayground(h.page, h.playground.url);

    await runMenu(h.page, 'Partners');
    let frame = await sidebarFrame(h.page);
    await frame.locator(`[data-testid="partner"][data-id="${alpha}"] [data-testid="scorecard"]`).click();
    await h.page
      .waitForFunction(
        () =>
          (document.querySelector('[data-testid="sidebar-frame"]') as HTMLIFrameElement | null)?.title !==
          'Partners',
        undefined,
        { timeout: 5000 },
      )
      .catch(() => undefined);
    frame = await sidebarFrame(h.page);
    await frame.getByTestId('scorecard').waitFor();
    await idle(h.page);
    expect(await frame.getByTestId('partner-name').textContent()).toBe(`Alpha Partners (${alpha})`);
    expect(await frame.getByTestId('won-value').textContent()).toBe('20,000.00 USD');
    expect(await frame.getByTestId('rank').textContent()).toMatch(/^Rank 1 of 1 by won value/);
    expect(await frame.getByTestId('tier').textContent()).toBe('Registered');
    expect(await frame.getByTestId('missing').textContent()).toBe(
      '5,000.00 USD of won value or 1 won deal away from Silver (over 12 months).',
    );
    expect(await frame.getByTestId('forecast').textContent()).toBe(
      'If your 1 open approved deal closes, you reach Silver.',
    );
    expect(await frame.getByTestId('tier-bar').getAttribute('aria-valuenow')).toBe('80');
    // The chart is drawn: the canvas has painted pixels.
    const painted = await frame.evaluate(() => {
      const canvas = document.querySelector('canvas')!;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) n++;
      return n;
    });
    expect(painted).toBeGreaterThan(100);
    const overflow = await frame.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(h.page, 'sidebar-partner-scorecard');

    await frame.locator('#period').selectOption('Last quarter');
    await frame.getByTestId('notice').waitFor();
    expect(await frame.getByTestId('notice').textContent()).toBe('No deals closed in this period');
    expect(outside).toEqual([]);
  });

  it('the playground draws the Dashboard’s five charts with Chart.js, served by the playground itself', async () => {
    apply('refreshDashboard');
    await gotoPlayground(h.page, h.playground.url);
    await openTab(h.page, 'Dashboard');
    await h.page.getByTestId('sheet-chart').first().waitFor();
    const charts = h.page.getByTestId('sheet-chart');
    expect(await charts.count()).toBe(5);
    const titles = await charts.evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset.title));
    expect(titles).toEqual([
      'Leads by status',
      'Won value by month, by tier',
      'Top 10 partners by won value',
      'Contribution to won value',
      'Days to close (deals won)',
    ]);
    const painted = await charts.evaluateAll((nodes) =>
      nodes.map((n) => {
        const canvas = n.querySelector('canvas')!;
        const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let count = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) count++;
        return count;
      }),
    );
    expect(painted.every((n) => n > 500)).toBe(true);
    // The picture: the headline figures beside the first charts.
    const close = h.page.getByTestId('sidebar-close');
    if (await close.isVisible()) await close.click();
    await h.page.getByTestId('grid-wrap').evaluate((wrap) => {
      const chart = wrap.querySelector('.sheet-chart') as HTMLElement;
      wrap.scrollLeft = Math.max(0, chart.offsetLeft - 520);
    });
    await screenshot(h.page, 'playground-dashboard');
    expect(outside).toEqual([]);
  });
});
