/**
 * The playground itself, in Chromium, over a small fixture add-on (test/browser/fixtures/probe):
 * the grid as Sheets shows it, a person's edits (validation, protection), the add-on's sidebar with
 * google.script.run bridged to the emulator, alerts, the clock, the journal and the .xlsx export.
 */
import ExcelJS from 'exceljs';
import path from 'node:path';
import type { Frame } from 'playwright-core';
import { startPlayground } from '../../playground/app';
import { OWNER, TEAMMATE } from '../../playground/session';
import {
  actAs,
  cell,
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

const PROBE = path.join(__dirname, 'fixtures', 'probe');

async function probe(frame: Frame, button: string): Promise<string> {
  const out = frame.getByTestId('out');
  await out.evaluate((node) => (node.textContent = ''));
  await frame.getByTestId(button).click();
  await frame.waitForFunction(() => document.querySelector('[data-testid="out"]')!.textContent !== '');
  return (await out.textContent()) ?? '';
}

describeWithBrowser('playground (fixture add-on)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await openPlayground({ distDir: PROBE });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows the add-on menu that onOpen built', async () => {
    await h.page.getByTestId('menu-extensions').click();
    const captions = await h.page.getByTestId('addon-item').allTextContents();
    expect(captions).toEqual(['Set up probe', 'Show probe', 'Say hello']);
    await h.page.keyboard.press('Escape');
  });

  it('draws a sheet as Sheets shows it: formats, bold frozen header, note, dropdown', async () => {
    await runMenu(h.page, 'Set up probe');
    await openTab(h.page, 'Data');
    expect(await cell(h.page, 2, 2).textContent()).toBe('1,234.50');
    expect(await cell(h.page, 2, 4).textContent()).toBe('2026-01-15');
    await expect(cell(h.page, 2, 2).getAttribute('class')).resolves.toContain('num');
    await expect(cell(h.page, 1, 1).getAttribute('class')).resolves.toContain('bold');
    expect(await h.page.locator('[data-testid="grid"] tr.frozen').count()).toBe(1);
    await expect(cell(h.page, 2, 3).getAttribute('class')).resolves.toContain('has-list');
    await expect(cell(h.page, 1, 1).getAttribute('class')).resolves.toContain('has-note');
    await cell(h.page, 1, 1).hover();
    await expect(h.page.getByTestId('note-popup').textContent()).resolves.toBe('Who the row is about');
    await screenshot(h.page, 'playground-grid');
  });

  it('edits a list cell through its dropdown and refuses a value off the list', async () => {
    await cell(h.page, 2, 3).click();
    await cell(h.page, 2, 3).click();
    await h.page.getByTestId('cell-editor').selectOption('Lost');
    await idle(h.page);
    expect(await cell(h.page, 2, 3).textContent()).toContain('Lost');

    await cell(h.page, 3, 1).click();
    await h.page.keyboard.press('ArrowRight');
    await h.page.keyboard.press('ArrowRight');
    await h.page.keyboard.type('Maybe');
    await h.page.keyboard.press('Enter');
    await h.page.getByTestId('dialog').waitFor({ state: 'visible' });
    expect(await h.page.getByTestId('dialog-message').textContent()).toMatch(/list/i);
    await h.page.getByTestId('dialog-ok').click();
    expect(await cell(h.page, 3, 3).textContent()).toContain('Closed');
  });

  it("refuses a teammate's edit of the protected header, like Sheets' dialog", async () => {
    await actAs(h.page, TEAMMATE);
    await openTab(h.page, 'Data');
    await expect(cell(h.page, 1, 2).getAttribute('class')).resolves.toContain('locked');
    await cell(h.page, 1, 2).click();
    await h.page.keyboard.type('Total');
    await h.page.keyboard.press('Enter');
    await h.page.getByTestId('dialog').waitFor({ state: 'visible' });
    expect(await h.page.getByTestId('dialog-message').textContent()).toMatch(/protected/i);
    await screenshot(h.page, 'playground-protected-refusal');
    await h.page.getByTestId('dialog-ok').click();
    expect(await cell(h.page, 1, 2).textContent()).toBe('Amount');
    await cell(h.page, 3, 1).click();
    await h.page.keyboard.type('Gamma');
    await h.page.keyboard.press('Enter');
    await idle(h.page);
    expect(await cell(h.page, 3, 1).textContent()).toBe('Gamma');
    await actAs(h.page, OWNER);
  });

  it('shows the sidebar in a 300 px panel and bridges google.script.run with its rules', async () => {
    await runMenu(h.page, 'Show probe');
    await h.page.getByTestId('sidebar').waitFor({ state: 'visible' });
    expect(await h.page.getByTestId('sidebar-title').textContent()).toBe('Probe');
    const box = await h.page.getByTestId('sidebar-frame').boundingBox();
    expect(box?.width).toBe(300);
    const frame = await sidebarFrame(h.page);

    const echoed = JSON.parse(await probe(frame, 'echo'));
    expect(echoed).toEqual({
      value: { got: { text: 'hello', n: 1.5, list: [true, null] }, user: OWNER },
      userObject: { tag: 'u1' },
    });
    expect(await probe(frame, 'fail')).toBe('ScriptError: Company is required | u2');
    expect(await probe(frame, 'date')).toMatch(/^threw: Failed due to illegal value in property: 0\.when/);
    expect(await probe(frame, 'stamp')).toMatch(/^failed: Failed due to illegal value in property: result/);
    await screenshot(h.page, 'playground-sidebar-probe');

    await frame.getByTestId('close').click();
    await h.page.getByTestId('sidebar').waitFor({ state: 'hidden' });
  });

  it("shows the add-on's alerts as dialogs", async () => {
    await runMenu(h.page, 'Say hello');
    await h.page.getByTestId('dialog').waitFor({ state: 'visible' });
    expect(await h.page.getByTestId('dialog-message').textContent()).toBe('Hello from the add-on');
    await h.page.getByTestId('dialog-ok').click();
  });

  it('moves the clock and fires the daily trigger', async () => {
    const before = await h.page.getByTestId('clock-now').getAttribute('datetime');
    await h.page.getByTestId('advance-day').click();
    await idle(h.page);
    const after = await h.page.getByTestId('clock-now').getAttribute('datetime');
    expect(Date.parse(after!) - Date.parse(before!)).toBe(86_400_000);
    await openTab(h.page, 'Log');
    expect(await cell(h.page, 2, 1).textContent()).toMatch(/^tick \d{4}-\d{2}-\d{2}$/);
  });

  it('exports an .xlsx with values, formats, list validation, frozen header, notes and bold', async () => {
    await h.page.getByTestId('menu-file').click();
    const [download] = await Promise.all([
      h.page.waitForEvent('download'),
      h.page.getByTestId('action-export').click(),
    ]);
    expect(download.suggestedFilename()).toBe('Partner Program.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path())!);
    const data = book.getWorksheet('Data')!;
    expect(data.getCell('A2').value).toBe('Acme');
    expect(data.getCell('B2').value).toBe(1234.5);
    expect(data.getCell('B2').numFmt).toBe('#,##0.00');
    expect((data.getCell('D2').value as Date).toISOString()).toBe('2026-01-15T00:00:00.000Z');
    expect(data.getCell('C2').value).toBe('Lost');
    expect(data.getCell('C2').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"Open,Closed,Lost"'],
    });
    expect(data.getCell('A1').font?.bold).toBe(true);
    expect(data.getCell('A1').note).toBe('Who the row is about');
    expect(data.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('keeps the workbook between runs (journal replayed) and starts over on Reset', async () => {
    const again = await startPlayground({ dataDir: h.dataDir, distDir: PROBE, port: 0 });
    try {
      const page = await h.context.newPage();
      await gotoPlayground(page, again.url);
      await openTab(page, 'Data');
      expect(await cell(page, 2, 3).textContent()).toContain('Lost');
      expect(await cell(page, 3, 1).textContent()).toBe('Gamma');
      await page.close();
    } finally {
      await again.close();
    }
    await h.page.getByTestId('menu-file').click();
    await h.page.getByTestId('action-reset').click();
    await h.page.getByTestId('dialog-ok').click();
    await idle(h.page);
    await h.page.waitForFunction(() => !document.querySelector('[data-testid="tabs"] [data-sheet="Data"]'));
    expect(await h.page.locator('[data-testid="tabs"] [role="tab"]').allTextContents()).toEqual(['Sheet1']);
  });
});
