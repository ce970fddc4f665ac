/**
 * The playground's own panels beside the grid: "Get started" (five things to try, each opening an
 * add-on page) and the Outbox (the e-mails the add-on sent, newest first).
 */
import type { OutboxMail } from '../view-types';
import { getOutbox } from './api';
import { byTestId, el } from './dom';

function setOpen(panel: string, toggle: string, open: boolean): void {
  byTestId(panel).hidden = !open;
  byTestId(toggle).setAttribute('aria-expanded', String(open));
}

function mailItem(mail: OutboxMail): HTMLLIElement {
  const item = el('li', { 'data-testid': 'mail' });
  item.append(
    el('div', { class: 'mail-meta' }, `${mail.sentAt.slice(0, 16).replace('T', ' ')} UTC · to ${mail.to}`),
    el('div', { class: 'mail-subject', 'data-testid': 'mail-subject' }, mail.subject),
    el('p', { class: 'mail-body' }, mail.body),
  );
  return item;
}

async function drawOutbox(): Promise<void> {
  const mails = await getOutbox();
  byTestId('outbox-list').replaceChildren(...mails.map(mailItem));
  byTestId('outbox-empty').hidden = mails.length > 0;
}

/** Sets the panels up; `run(caption)` runs an add-on menu item. */
export function setupPanels(run: (caption: string) => void): void {
  byTestId('toggle-get-started').addEventListener('click', () =>
    setOpen('get-started', 'toggle-get-started', byTestId('get-started').hidden),
  );
  byTestId('get-started-close').addEventListener('click', () =>
    setOpen('get-started', 'toggle-get-started', false),
  );
  byTestId('get-started').addEventListener('click', (event) => {
    const button =
      event.target instanceof Element ? event.target.closest<HTMLElement>('[data-caption]') : null;
    if (button?.dataset.caption) run(button.dataset.caption);
  });
  byTestId('toggle-outbox').addEventListener('click', () => {
    const open = byTestId('outbox').hidden;
    setOpen('outbox', 'toggle-outbox', open);
    if (open) void drawOutbox();
  });
  byTestId('outbox-close').addEventListener('click', () => setOpen('outbox', 'toggle-outbox', false));
}

/** After each refresh: the count on the Outbox button, and the list when it is open. */
export function updateOutbox(count: number): void {
  byTestId('outbox-count').textContent = String(count);
  if (!byTestId('outbox').hidden) void drawOutbox();
}
