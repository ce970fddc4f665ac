/**
 * Browser tests: Debian's Chromium driven by playwright-core (never a downloaded browser), one
 * browser per test file, and the playground server started in-process on an ephemeral loopback port.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { startPlayground, type Playground } from '../../../playground/app';

export const CHROMIUM = '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const SCREENSHOTS = path.resolve(__dirname, '..', '..', '..', 'artifacts', 'screenshots');

/**
 * `describe`, or `describe.skip` with a message when Chromium is missing on a developer machine.
 * In CI (process.env.CI set) a missing Chromium is a failure, not a skip.
 */
export function describeWithBrowser(name: string, body: () => void): void {
  if (existsSync(CHROMIUM) || process.env.CI) {
    describe(name, body);
    return;
  }
  process.stderr.write(
    `\n[browser tests] SKIPPED "${name}": ${CHROMIUM} is missing. Install Debian's chromium ` +
      `(apt-get install -y chromium) or run .ci/run; in CI these tests fail instead.\n`,
  );
  describe.skip(name, body);
}

export interface Harness {
  playground: Playground;
  dataDir: string;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** A playground (fresh data folder) and a browser on it, the page loaded and ready. */
export async function openPlayground(
  options: { distDir?: string; fresh?: 'blank' | 'demo' } = {},
): Promise<Harness> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'playground-data-'));
  const profile = mkdtempSync(path.join(os.tmpdir(), 'playground-chromium-'));
  const playground = await startPlayground({
    dataDir,
    distDir: options.distDir,
    port: 0,
    fresh: options.fresh,
  });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1280, height: 800 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await gotoPlayground(page, playground.url);
  return {
    playground,
    dataDir,
    context,
    page,
    async close() {
      await context.close();
      await playground.close();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function gotoPlayground(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.waitForSelector('body[data-ready="true"]');
  await idle(page);
}

/** Waits until the page has no request of its own in flight (busy bar hidden). */
export async function idle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.busy !== 'true');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/** The 300 px sidebar panel alone (its title and page), as the README shows the add-on's pages. */
export async function sidebarScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.getByTestId('sidebar').screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/** Clicks Extensions > (add-on) > caption and waits for the action to finish. */
export async function runMenu(page: Page, caption: string): Promise<void> {
  await page.getByTestId('menu-extensions').click();
  await page.locator(`[data-testid="addon-item"][data-caption="${caption}"]`).click();
  await idle(page);
}

export async function openTab(page: Page, name: string): Promise<void> {
  await page.locator(`[data-testid="tabs"] [data-sheet="${name}"]`).click();
  await page.waitForSelector(`body[data-sheet="${name}"]`);
  await idle(page);
}

export async function actAs(page: Page, email: string): Promise<void> {
  await page.getByTestId('acting-user').selectOption(email);
  await idle(page);
  await page.waitForFunction((who) => {
    const select = document.querySelector<HTMLSelectElement>('[data-testid="acting-user"]');
    return select?.value === who;
  }, email);
}

/** The grid cell at a 1-based row and column. */
export function cell(page: Page, row: number, col: number) {
  return page.locator(`[data-testid="grid"] td[data-r="${row}"][data-c="${col}"]`);
}

/** The 1-based column whose header (row 1) reads `header`; 0 when none. */
export async function columnOf(page: Page, header: string): Promise<number> {
  return page.evaluate((text) => {
    const cells = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="grid"] td[data-r="1"]'));
    const found = cells.find((td) => td.textContent === text);
    return found ? Number(found.dataset.c) : 0;
  }, header);
}

/** The grid rows whose cell in `col` reads exactly `text`: their 1-based numbers. */
export async function rowsWhere(page: Page, col: number, text: string): Promise<number[]> {
  return page.evaluate(
    ([c, t]) =>
      Array.from(document.querySelectorAll<HTMLElement>(`[data-testid="grid"] td[data-c="${c}"]`))
        .filter((td) => td.textContent === t)
        .map((td) => Number(td.dataset.r)),
    [col, text] as const,
  );
}

/** The text of a grid row, cell by cell (dropdown arrows left out). */
export async function rowText(page: Page, row: number): Promise<string[]> {
  return page.evaluate(
    (r) =>
      Array.from(document.querySelectorAll<HTMLElement>(`[data-testid="grid"] td[data-r="${r}"]`)).map(
        (td) => td.firstChild?.textContent ?? '',
      ),
    row,
  );
}

/** The frame of the add-on's sidebar, once it has loaded. */
export async function sidebarFrame(page: Page): Promise<Frame> {
  await page.getByTestId('sidebar').waitFor({ state: 'visible' });
  const handle = await page.getByTestId('sidebar-frame').elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error('The sidebar has no frame');
  // The page the panel shows now, not the one it showed before (the frame is reused).
  const src = (await handle!.getAttribute('src')) ?? '';
  if (src) await frame.waitForURL((url) => url.pathname === src);
  await frame.waitForLoadState('load');
  return frame;
}
