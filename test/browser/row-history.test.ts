/**
 * History of this row, as a partner manager reads it (issue 21): newest change first even when two
 * changes share a timestamp, values shown as the sheet shows them (a date as 2026-03-02, an amount
 * as 51,250.50), and a Settings list's change recorded against the list (Record ID "Team"), not
 * against the setting that shares its row.
 */
import { OWNER, TEAMMATE } from '../../playground/session';
import {
  cell,
  columnOf,
  describeWithBrowser,
  gotoPlayground,
  idle,
  openTab,
  rowsWhere,
  runMenu,
  sidebarScreenshot,
  sidebarFrame,
  type Harness,
} from './support/browser';
import { asOwner, openSetUpPlayground, savePartners } from './support/program';

/** Waits until the server has the person's selection (the page posts it without waiting). */
async function selectedOnServer(h: Harness, sheet: string, a1: string): Promise<void> {
  const emu = h.playground.session.emu;
  for (let i = 0; i < 200; i++) {
    const range = emu.rt.uncounted(() => emu.spreadsheet.getActiveRange());
    if (range && range.getSheet().getName() === sheet && range.getA1Notation() === a1) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${sheet}!${a1} was never selected on the server`);
}

function a1(row: number, col: number): string {
  return `${String.fromCharCode(64 + col)}${row}`;
}

describeWithBrowser('History of this row (shipped bundle)', () => {
  let h: Harness;
  let leadId: string;

  beforeAll(async () => {
    h = await openSetUpPlayground((session) => {
      const [partnerId] = savePartners(session, [['Beta Partners', 'bea@beta-partners.test']]);
      leadId = asOwner<{ id: string }>(session, 'registerLead', {
        partnerId,
        company: 'Acme Inc',
        domain: 'acme.com',
        estimatedValue: '1000',
      }).id;
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('lists the newest change first, values as the sheet shows them', async () => {
    await openTab(h.page, 'Leads');
    const row = (await rowsWhere(h.page, await columnOf(h.page, 'Lead ID'), leadId))[0];
    const value = await columnOf(h.page, 'Estimated Value');
    // Two edits at the same simulated instant: the second is the newest.
    for (const typed of ['2000', '51250.5']) {
      const edited = h.playground.session.apply({
        as: OWNER,
        edit: { sheet: 'Leads', range: a1(row, value), values: [[typed]] },
      });
      if (!edited.ok) throw new Error(`edit failed: ${edited.error}`);
    }
    await gotoPlayground(h.page, h.playground.url);
    await openTab(h.page, 'Leads');
    await cell(h.page, row, value).click();
    await selectedOnServer(h, 'Leads', a1(row, value));
    await runMenu(h.page, 'History of this row');
    const frame = await sidebarFrame(h.page);
    await frame.getByTestId('history-entry').first().waitFor();
    const entries = frame.getByTestId('history-entry');
    const first = entries.first();
    expect(await first.getByTestId('field').textContent()).toBe('Estimated Value');
    expect(await first.getByTestId('old-value').textContent()).toBe('2,000.00');
    expect(await first.getByTestId('new-value').textContent()).toBe('51,250.50');
    expect(await entries.nth(1).getByTestId('new-value').textContent()).toBe('2,000.00');
    const texts = await frame.getByTestId('new-value').allTextContents();
    expect(texts).toContain('2026-03-02');
    expect(texts.some((t) => /T\d{2}:\d{2}/.test(t))).toBe(false);
    await sidebarScreenshot(h.page, 'sidebar-row-history-formatted');
  });

  it('records a Settings list change against the list, and shows it for that cell', async () => {
    const added = h.playground.session.addToTeam(TEAMMATE);
    if (!added.ok) throw new Error(`adding to Team failed: ${added.error}`);
    const log = h.playground.session.emu.sheets()['Audit Log'];
    const header = log[0];
    const mine = log.filter((r) => r[header.indexOf('New Value')] === TEAMMATE);
    expect(mine.map((r) => r[header.indexOf('Record ID')])).toEqual(['Team']);

    // The first test's sidebar closed, so the frame found below is the new page's, not the old one's.
    const open = h.playground.session.sidebar;
    if (open) h.playground.session.closePage(open.id);
    await gotoPlayground(h.page, h.playground.url);
    await openTab(h.page, 'Settings');
    const team = await columnOf(h.page, 'Team');
    const row = (await rowsWhere(h.page, team, TEAMMATE))[0];
    await cell(h.page, row, team).click();
    await selectedOnServer(h, 'Settings', a1(row, team));
    await runMenu(h.page, 'History of this row');
    const frame = await sidebarFrame(h.page);
    await frame.getByTestId('history-entry').first().waitFor();
    expect(await frame.getByTestId('record').textContent()).toBe('Team · Settings');
    expect(await frame.getByTestId('new-value').first().textContent()).toBe(TEAMMATE);
    await idle(h.page);
  });
});
