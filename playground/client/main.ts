/**
 * The playground page: the workbook's tabs and grid, the add-on menu, the sidebar panel with the
 * add-on's real pages, the person picker, the clock, and the File actions (export, demo, reset).
 */
import type { ActionResult, PageInfo, PlaygroundState } from '../view-types';
import { getSheet, getState, post } from './api';
import { closeDialog, setupDialog, showDialog } from './dialog';
import { byTestId, el } from './dom';
import { Grid } from './grid';
import { setupPanels, updateOutbox } from './panels';
import { refreshFiles, setupFiles } from './files';

let state: PlaygroundState | null = null;
let currentSheet: string | null = null;
/**
 * The sheet the add-on last brought to the front: after an action (a menu item), a change moves the
 * page there. Not after the person's own tab clicks and selections (a selection moves it too).
 */
let lastActive: string | null = null;
let followActive = false;
let lastSelect = '';
/**
 * The person's selections, sent one after another (each waits for the one before), and awaited by
 * every action: in Google Sheets a menu item always sees the selection made before it. Sent at once,
 * two selections could reach the server in either order, and History of this row read the wrong cell.
 */
let selectionSent: Promise<unknown> = Promise.resolve();
let pending = 0;

function busy(delta: number): void {
  pending += delta;
  byTestId('busy').hidden = pending <= 0;
  document.body.dataset.busy = pending > 0 ? 'true' : 'false';
}

function status(text: string, error = false): void {
  const node = byTestId('status');
  node.textContent = text;
  node.classList.toggle('error', error);
}

async function withBusy<T>(task: () => Promise<T>): Promise<T | undefined> {
  busy(1);
  try {
    return await task();
  } catch (err) {
    status((err as Error).message, true);
    return undefined;
  } finally {
    busy(-1);
  }
}

const grid = new Grid({
  async edit(a1, value, cell) {
    if (!currentSheet || !state) return;
    if (cell.warned && !cell.locked) {
      const go = await showDialog({
        title: 'Heads up!',
        message:
          "You're trying to edit part of this sheet that shouldn't be changed accidentally. Edit anyway?",
        confirm: true,
      });
      if (!go) return;
    }
    const sheet = currentSheet;
    const outcome = await withBusy(async () => {
      const result = await post('/api/edit', { sheet, a1, values: [[value]] });
      await refresh();
      return result;
    });
    if (!outcome) return;
    if (!outcome.ok) {
      status(`Edit of ${sheet}!${a1} refused`, true);
      await showDialog({ title: 'There was a problem', message: outcome.error ?? 'This edit was refused.' });
      byTestId('grid-wrap').focus();
      return;
    }
    report(outcome, `Edited ${sheet}!${a1}`);
  },
  select(a1, raw) {
    byTestId('name-box').textContent = a1;
    byTestId('formula').textContent = raw;
    const key = `${currentSheet}!${a1}`;
    if (!currentSheet || key === lastSelect) return;
    lastSelect = key;
    const sheet = currentSheet;
    // The person's selection brings this sheet to the front on the server: an action's refresh must
    // not take that for the action having brought it there (and reset the selection).
    lastActive = sheet;
    selectionSent = selectionSent.then(() => post('/api/select', { sheet, a1 })).catch(() => undefined);
  },
});

function report(outcome: ActionResult, done: string): void {
  const failed = (outcome.fired ?? []).filter((f) => !f.ok);
  const fired = outcome.fired?.length
    ? ` (${outcome.fired.length} trigger run${outcome.fired.length > 1 ? 's' : ''})`
    : '';
  if (!outcome.ok) status(outcome.error ?? 'Failed', true);
  else if (failed.length) status(`${done}${fired}; ${failed[0].handler} failed: ${failed[0].error}`, true);
  else status(`${done}${fired}`);
}

let refreshes = 0;
/** Rows drawn per sheet when the person asked for more than the first block. */
const rowLimits = new Map<string, number>();

/** Redraws from the server; a refresh overtaken by a later one draws nothing. */
async function refresh(keepSelection = true): Promise<void> {
  const seq = ++refreshes;
  const fresh = await getState();
  if (seq !== refreshes) return;
  state = fresh;
  await refreshFiles();
  renderChrome(state);
  const visible = state.tabs.filter((t) => !t.hidden);
  const active = visible.some((t) => t.name === fresh.activeSheet) ? fresh.activeSheet : null;
  if (!currentSheet || !state.tabs.some((t) => t.name === currentSheet)) {
    currentSheet = active ?? visible[0]?.name ?? null;
    keepSelection = false;
  } else if (followActive && active && active !== lastActive) {
    // The action brought a sheet to the front (Set up tracker opens the landing sheet).
    currentSheet = active;
    keepSelection = false;
  }
  lastActive = fresh.activeSheet;
  followActive = false;
  updateOutbox(state.outbox);
  renderTabs(state);
  const empty = byTestId('empty-workbook');
  if (!currentSheet) return;
  const view = await getSheet(currentSheet, rowLimits.get(currentSheet));
  if (seq !== refreshes) return;
  empty.hidden = true;
  grid.render(view, keepSelection);
  const more = byTestId('more-rows');
  more.hidden = view.lastRow <= view.rows;
  byTestId('more-rows-text').textContent = `Showing rows 1-${view.rows} of ${view.lastRow}.`;
  document.body.dataset.sheet = view.name;
}

function renderChrome(s: PlaygroundState): void {
  byTestId('doc-title').textContent = s.name;
  document.title = `${s.name} - Partnership Tracker playground`;
  const now = new Date(s.now);
  const clock = byTestId('clock-now');
  clock.textContent = `${now.toISOString().slice(0, 16).replace('T', ' ')} ${s.timeZone}`;
  clock.setAttribute('datetime', s.now);
  const picker = byTestId<HTMLSelectElement>('acting-user');
  picker.replaceChildren(...s.people.map((p) => el('option', { value: p.email }, `${p.label}: ${p.email}`)));
  picker.value = s.actingUser;
  const menu = byTestId('addon-menu');
  menu.replaceChildren(
    ...(s.menu.length
      ? s.menu.map((item) =>
          el(
            'button',
            { type: 'button', role: 'menuitem', 'data-caption': item.caption, 'data-testid': 'addon-item' },
            item.caption,
          ),
        )
      : [el('div', { class: 'menu-heading' }, 'No menu: onOpen has not built one')]),
  );
  showSidebar(s.sidebar);
}

function renderTabs(s: PlaygroundState): void {
  const tabs = byTestId('tabs');
  tabs.replaceChildren(
    ...s.tabs
      .filter((t) => !t.hidden)
      .map((t) =>
        el(
          'button',
          {
            type: 'button',
            role: 'tab',
            'data-sheet': t.name,
            'aria-selected': String(t.name === currentSheet),
          },
          t.name,
        ),
      ),
  );
  const empty = byTestId('empty-workbook');
  empty.hidden = s.tabs.length > 0;
  empty.textContent =
    'This workbook has no sheets yet: run Extensions > Partnership Tracker > Set up tracker.';
}

let sidebarId = 0;
function showSidebar(info: PageInfo | null): void {
  const panel = byTestId('sidebar');
  const frame = byTestId<HTMLIFrameElement>('sidebar-frame');
  if (!info) {
    panel.hidden = true;
    if (sidebarId) frame.removeAttribute('src');
    sidebarId = 0;
    return;
  }
  panel.hidden = false;
  byTestId('sidebar-title').textContent = info.title;
  if (info.id !== sidebarId) {
    sidebarId = info.id;
    frame.src = `/page/${info.id}`;
  }
}

async function afterAction(outcome: ActionResult, done: string): Promise<void> {
  report(outcome, done);
  if (outcome.notes?.length) await showDialog({ title: done, message: outcome.notes.join('\n') });
  for (const alert of outcome.alerts ?? []) {
    await showDialog({ title: alert.title || (state?.name ?? ''), message: alert.prompt });
  }
  if (outcome.dialog) {
    void showDialog({
      title: outcome.dialog.title,
      pageUrl: `/page/${outcome.dialog.id}`,
      width: outcome.dialog.width,
      height: outcome.dialog.height,
    });
  }
}

async function action(path: string, body: Record<string, unknown>, done: string): Promise<void> {
  const outcome = await withBusy(async () => {
    await selectionSent;
    const result = await post(path, body);
    followActive = true;
    await refresh();
    return result;
  });
  if (outcome) await afterAction(outcome, done);
}

function closeMenus(): void {
  for (const list of Array.from(document.querySelectorAll<HTMLElement>('.menu-list'))) list.hidden = true;
  for (const b of Array.from(document.querySelectorAll('.menu-button')))
    b.setAttribute('aria-expanded', 'false');
}

function setupMenus(): void {
  for (const button of Array.from(document.querySelectorAll<HTMLButtonElement>('.menu-button'))) {
    const list = button.nextElementSibling as HTMLElement;
    button.addEventListener('click', () => {
      const open = list.hidden;
      closeMenus();
      list.hidden = !open;
      button.setAttribute('aria-expanded', String(open));
      if (open) list.querySelector<HTMLButtonElement>('button')?.focus();
    });
    list.addEventListener('keydown', (event) => {
      const items = Array.from(list.querySelectorAll<HTMLButtonElement>('button'));
      const at = items.indexOf(document.activeElement as HTMLButtonElement);
      if (event.key === 'Escape') {
        closeMenus();
        button.focus();
      } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const next = (at + (event.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
        items[next]?.focus();
      }
    });
  }
  document.addEventListener('mousedown', (event) => {
    if (!(event.target instanceof Element) || !event.target.closest('.menu')) closeMenus();
  });
  byTestId('addon-menu').addEventListener('click', (event) => {
    const item = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-caption]') : null;
    if (!item) return;
    closeMenus();
    const caption = item.dataset.caption ?? '';
    void action('/api/menu', { caption }, `Ran ${caption}`);
  });
  byTestId('action-export').addEventListener('click', () => {
    closeMenus();
    const link = el('a', { href: '/export.xlsx', download: '' });
    document.body.append(link);
    link.click();
    link.remove();
    status('Exported the workbook as .xlsx');
  });
  byTestId('action-demo').addEventListener('click', () => {
    closeMenus();
    void action('/api/demo', {}, 'Loaded the demo program');
  });
  byTestId('action-reset').addEventListener('click', async () => {
    closeMenus();
    const choice = await showDialog({
      title: 'Reset workbook?',
      message:
        'This forgets everything done so far and starts again: with an empty workbook (run Set up tracker yourself), or with the demo program, set up and full of partners and leads.',
      confirm: true,
      okLabel: 'Blank workbook',
      altLabel: 'Demo program',
    });
    if (choice === false) return;
    currentSheet = null;
    lastActive = null;
    if (choice === 'alt') await action('/api/reset', { to: 'demo' }, 'Started again with the demo program');
    else await action('/api/reset', {}, 'Started a new, empty workbook');
  });
}

function setup(): void {
  setupDialog();
  setupMenus();
  setupPanels((caption) => void action('/api/menu', { caption }, `Ran ${caption}`));
  setupFiles(
    (message) => status(message),
    (message) => status(message, true),
  );
  byTestId('tabs').addEventListener('click', (event) => {
    const tab = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-sheet]') : null;
    if (!tab) return;
    currentSheet = tab.dataset.sheet ?? null;
    void withBusy(() => refresh(false));
  });
  byTestId('acting-user').addEventListener('change', (event) => {
    const email = (event.target as HTMLSelectElement).value;
    void action('/api/user', { email }, `Acting as ${email}`);
  });
  for (const button of Array.from(document.querySelectorAll<HTMLButtonElement>('[data-advance]'))) {
    button.addEventListener('click', () =>
      action('/api/advance', { duration: button.dataset.advance }, `Clock moved ${button.textContent}`),
    );
  }
  byTestId('more-rows-button').addEventListener('click', () => {
    if (!currentSheet) return;
    const shown = document.querySelectorAll('[data-testid="grid"] tbody tr').length;
    rowLimits.set(currentSheet, shown + 1000);
    void withBusy(() => refresh());
  });
  byTestId('sidebar-close').addEventListener('click', () => {
    if (sidebarId) void action('/api/close', { page: sidebarId }, 'Closed the sidebar');
  });
  window.addEventListener('message', (event) => {
    if (event.origin !== window.location.origin) return;
    const data = event.data as { type?: string; page?: number; ok?: boolean };
    if (data.type === 'playground:calling') busy(1);
    if (data.type === 'playground:ran') {
      void refresh()
        .catch((err: Error) => status(err.message, true))
        .finally(() => busy(-1));
    }
    if (data.type === 'playground:close' && typeof data.page === 'number') {
      if (data.page !== sidebarId) closeDialog();
      void action('/api/close', { page: data.page }, 'Closed');
    }
  });
  void withBusy(() => refresh(false)).then(() => {
    document.body.dataset.ready = 'true';
  });
}

setup();
