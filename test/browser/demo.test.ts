/**
 * "Load demo data" on the shipped bundle, in Chromium: a few dozen partners and a few hundred leads
 * across statuses and months, created through the add-on's own functions; the journal replays it;
 * the .xlsx export of the tracker keeps its dropdowns and frozen headers.
 */
import ExcelJS from 'exceljs';
import { startPlayground } from '../../playground/app';
import {
  columnOf,
  describeWithBrowser,
  idle,
  openPlayground,
  openTab,
  screenshot,
  type Harness,
} from './support/browser';

/** Loading the demo program: 20-30 s of CPU (182 simulated days), four or more minutes on a loaded machine. */
const DEMO_TIMEOUT = 600_000;

const DEMO_FUNCTIONS = [
  'setupTracker',
  'savePlan',
  'savePartner',
  'registerLead',
  'reviewLead',
  'closeLead',
  'runCommissions',
];

describeWithBrowser('demo program (shipped bundle)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await openPlayground();
    const missing = DEMO_FUNCTIONS.filter((fn) => !h.playground.session.emu.has(fn));
    if (missing.length)
      throw new Error(`dist/Code.js has no ${missing.join(', ')} yet: the demo waits on them`);
  });
  afterAll(async () => {
    await h?.close();
  });

  it(
    'loads a realistic program through the add-on functions, with no call failing',
    async () => {
      await h.page.getByTestId('menu-file').click();
      // Done when the server answers the load (not a busy flag polled with a short default timeout),
      // and the page has drawn it: its status line says so.
      const loaded = h.page.waitForResponse(
        (r) => new URL(r.url()).pathname === '/api/demo' && r.request().method() === 'POST',
        { timeout: DEMO_TIMEOUT },
      );
      await h.page.getByTestId('action-demo').click();
      const response = await loaded;
      expect(response.ok()).toBe(true);
      expect(((await response.json()) as { ok: boolean; result: { failed: number } }).result.failed).toBe(0);
      await h.page.getByTestId('status').filter({ hasText: 'Loaded the demo program' }).waitFor();
      await idle(h.page);
      expect(await h.page.getByTestId('dialog').isVisible()).toBe(false);
      // The demo opens where Set up tracker lands a partner manager.
      await h.page.waitForSelector('body[data-sheet="Dashboard"]');
      const sheets = h.playground.session.emu.sheets();
      const partners = sheets['Partners'].slice(1);
      const leads = sheets['Leads'].slice(1);
      expect(partners.length).toBeGreaterThanOrEqual(30);
      expect(leads.length).toBeGreaterThanOrEqual(200);
      const status = sheets['Leads'][0].indexOf('Status');
      const registered = sheets['Leads'][0].indexOf('Registered On');
      const statuses = new Set(leads.map((row) => row[status]));
      for (const s of ['Submitted', 'Approved', 'Rejected', 'Won', 'Lost']) expect(statuses).toContain(s);
      const months = new Set(leads.map((row) => String(row[registered]).slice(0, 7)));
      expect(months.size).toBeGreaterThanOrEqual(5);
      expect(sheets['Commissions'].length).toBeGreaterThan(1);
      // money controls (issue 15): a plan with two versions, EUR/GBP deals converted at a named rate,
      // a payout created by the owner and approved by the second person on the Team
      const plans = sheets['Plans'];
      const planName = plans[0].indexOf('Plan Name');
      expect(plans.filter((r) => r[planName] === 'Standard Referral')).toHaveLength(2);
      const explanation = sheets['Commissions'][0].indexOf('Explanation');
      expect(
        sheets['Commissions'].some((r) =>
          /EUR converted at 1\.\d+ \(rate of 2025-/.test(String(r[explanation])),
        ),
      ).toBe(true);
      const payouts = sheets['Payouts'];
      const approvedBy = payouts[0].indexOf('Approved By');
      const createdBy = payouts[0].indexOf('Created By');
      expect(
        payouts.some((r) => r[approvedBy] === 'rep@acme.test' && r[createdBy] === 'owner@acme.test'),
      ).toBe(true);

      await openTab(h.page, 'Leads');
      expect(await columnOf(h.page, 'Status')).toBeGreaterThan(0);
      await screenshot(h.page, 'demo-leads');
      await openTab(h.page, 'Audit Log');
      if (sheets['Audit Log'].length > 500) {
        await expect(h.page.getByTestId('more-rows-text').textContent()).resolves.toMatch(
          /^Showing rows 1-500 of/,
        );
      }
    },
    DEMO_TIMEOUT + 60_000,
  );

  it(
    'replays the journal into the same workbook on the next start',
    async () => {
      const before = h.playground.session.emu.sheets();
      const again = await startPlayground({ dataDir: h.dataDir, port: 0 });
      try {
        const after = again.session.emu.sheets();
        expect(after['Leads']).toEqual(before['Leads']);
        expect(after['Commissions']).toEqual(before['Commissions']);
        expect(again.session.emu.rt.now().toISOString()).toBe(
          h.playground.session.emu.rt.now().toISOString(),
        );
      } finally {
        await again.close();
      }
    },
    DEMO_TIMEOUT,
  );

  it(
    'exports the tracker as .xlsx with its dropdowns and frozen headers',
    async () => {
      await h.page.getByTestId('menu-file').click();
      const [download] = await Promise.all([
        // The workbook of the demo is written to .xlsx by the in-process server: slow on a loaded machine.
        h.page.waitForEvent('download', { timeout: DEMO_TIMEOUT }),
        h.page.getByTestId('action-export').click(),
      ]);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile((await download.path())!);
      const leads = book.getWorksheet('Leads')!;
      expect(leads.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(leads.getRow(1).getCell(1).font?.bold).toBe(true);
      const header = (leads.getRow(1).values as unknown[]).map(String);
      const statusCol = header.indexOf('Status');
      const validation = leads.getRow(2).getCell(statusCol).dataValidation;
      expect(validation?.type).toBe('list');
      expect(leads.rowCount).toBeGreaterThan(200);
    },
    DEMO_TIMEOUT,
  );
});
