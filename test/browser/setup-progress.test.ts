/**
 * Set up tracker on a workbook that already holds more leads than one execution adopts: the progress
 * dialog (sidebar/pages/SetupProgress) opens in the playground, calls continueSetup through
 * google.script.run until every row is adopted, and ends on the summary; the rows all got ids.
 */
import { LEAD_HEADERS } from '../../bench/workbook';
import { OWNER } from '../../playground/session';
import {
  describeWithBrowser,
  idle,
  openPlayground,
  runMenu,
  screenshot,
  type Harness,
} from './support/browser';

const LEADS = 40;

describeWithBrowser('the set-up progress dialog (shipped bundle)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await openPlayground();
    const emu = h.playground.session.emu;
    // The user's own Partners and Leads before set-up (as another tool left them), and adoption limits
    // small enough that set-up leaves most rows to the dialog: 5 rows a chunk, one chunk a call.
    emu.rt.uncounted(() => {
      const ss = emu.spreadsheet;
      const partners = ss.insertSheet('Partners');
      partners.getRange(1, 1, 2, 3).setValues([
        ['Partner ID', 'Partner Name', 'Contact Email'],
        ['P-0001', 'Beta Partners', 'bea@beta-partners.test'],
      ]);
      const leads = ss.insertSheet('Leads');
      const rows: unknown[][] = [LEAD_HEADERS];
      for (let i = 1; i <= LEADS; i++) {
        const row: unknown[] = new Array(LEAD_HEADERS.length).fill('');
        row[1] = 'P-0001';
        row[3] = `Adopted Company ${i}`;
        row[4] = `adopted${i}.example`;
        row[10] = 'Submitted';
        rows.push(row);
      }
      leads.getRange(1, 1, rows.length, LEAD_HEADERS.length).setValues(rows);
      (emu.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService)
        .getDocumentProperties()
        .setProperty('tracker.adoptionLimits', JSON.stringify({ chunkRows: 5, maxChunks: 1 }));
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows the progress until every row is adopted, then the summary', async () => {
    await runMenu(h.page, 'Set up tracker');
    await h.page.getByTestId('dialog').waitFor({ state: 'visible' });
    const handle = await h.page.getByTestId('dialog-frame').elementHandle();
    const frame = await handle!.contentFrame();
    expect(frame).not.toBeNull();
    await frame!
      .getByTestId('heading')
      .filter({ hasText: 'The tracker is set up' })
      .waitFor({ timeout: 30_000 });
    await idle(h.page);
    await screenshot(h.page, 'dialog-setup-progress');
    const bar = frame!.getByTestId('setup-bar');
    expect(await bar.evaluate((el: HTMLProgressElement) => el.value === el.max && el.max >= 1)).toBe(true);
    expect(await frame!.getByTestId('setup-status').textContent()).toMatch(/40/);
    // Every lead got an id, and the checkpoint is gone: nothing is left for the hourly trigger.
    const emu = h.playground.session.emu;
    const leads = emu.sheets().Leads.slice(1, LEADS + 1);
    expect(leads.map((r) => String(r[0]))).toEqual(
      Array.from({ length: LEADS }, (_, i) => `L-${String(i + 1).padStart(6, '0')}`),
    );
    const checkpoint = emu.rt.uncounted(() =>
      (emu.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService)
        .getDocumentProperties()
        .getProperty('tracker.adoption'),
    );
    expect(checkpoint || null).toBeNull();
    // The triggers come with the last chunk (the owner's).
    expect(
      emu.services.state.triggers
        .ofUser(OWNER)
        .map((t) => t.handler)
        .sort(),
    ).toEqual(['onHourlyTrigger', 'onTrackerChange', 'onTrackerEdit']);
  });
});
