/**
 * A partner's links on their card: their view file and their registration link, each with Copy;
 * for the owner (who keeps the files and the links) "Update view now" (that partner's file made or
 * refreshed at once) and "Replace link" (a new secret: the old link stops working, asked twice).
 * Loading is the page's busy state; a failure is shown in the panel; what does not exist yet says
 * why (the server's note).
 */
import type { PartnerLinks, Partner, StatementsReport, ViewsReport } from '../../../src/shared/api';
import { h, replace, setText } from '../../common/dom';
import type { Page } from '../../common/page';

export const linksText = {
  loading: 'Loading links…',
  noView: 'No view file yet: the next hourly run makes it (or Update view now).',
  copied: 'Copied to the clipboard.',
  copyFailed: 'Copy is blocked here: select the address and copy it.',
  confirm: 'The old link stops working at once. Replace it?',
  replaced: 'New link made: the old one no longer works. Their view now shows the new one.',
  replacedNotShown: 'New link made: the old one no longer works. Their view shows it after the next update.',
  updated: 'Their view is up to date.',
} as const;

/** Copies `text`: the Clipboard API, else the selected field's text through the copy command. */
async function copyText(text: string, field: HTMLInputElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field.focus();
    field.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

function linkRow(
  label: string,
  url: string,
  empty: string,
  testid: string,
  status: HTMLElement,
): HTMLElement {
  if (!url)
    return h(
      'div',
      { className: 'field' },
      h('span', { className: 'label', text: label }),
      h('p', { className: 'muted', text: empty, testid: `${testid}-empty` }),
    );
  const field = h('input', {
    attrs: { type: 'text', readonly: true, value: url, 'aria-label': label, spellcheck: 'false' },
    testid: `${testid}-url`,
  });
  field.value = url;
  const copy = h('button', {
    className: 'small',
    text: 'Copy',
    attrs: { type: 'button', 'aria-label': `Copy the ${label.toLowerCase()}` },
    testid: `${testid}-copy`,
  });
  copy.addEventListener('click', () => {
    void copyText(url, field).then((ok) => setText(status, ok ? linksText.copied : linksText.copyFailed));
  });
  const open = h('a', {
    text: 'Open',
    attrs: { href: url, target: '_blank', rel: 'noopener noreferrer' },
    testid: `${testid}-open`,
  });
  return h(
    'div',
    { className: 'field' },
    h('span', { className: 'label', text: label }),
    h('div', { className: 'link-row' }, field, copy),
    open,
  );
}

/** Opens (or closes) the links panel of a partner's card. */
export function toggleLinks(
  page: Page,
  partner: Partner,
  card: HTMLElement,
  opener: HTMLButtonElement,
): void {
  const shown = card.querySelector<HTMLElement>('[data-testid="links-panel"]');
  if (shown) {
    shown.remove();
    opener.setAttribute('aria-expanded', 'false');
    return;
  }
  const status = h('p', { className: 'muted', attrs: { 'aria-live': 'polite' }, testid: 'links-status' });
  const near = h('div', { className: 'banner', attrs: { role: 'alert' }, testid: 'links-error' });
  near.hidden = true;
  const body = h('div', { testid: 'links-body' }, h('p', { className: 'muted', text: linksText.loading }));
  const panel = h(
    'section',
    {
      className: 'links-panel',
      attrs: { 'aria-label': `Links of ${partner.partnerName}` },
      testid: 'links-panel',
    },
    near,
    body,
    status,
  );
  card.append(panel);
  opener.setAttribute('aria-expanded', 'true');

  const render = (links: PartnerLinks, message = ''): void => {
    setText(status, message);
    const actions: HTMLElement[] = [];
    if (links.keeper) {
      const update = h('button', {
        className: 'small',
        text: 'Update view now',
        attrs: { type: 'button' },
        testid: 'links-update',
      });
      update.addEventListener('click', () => {
        void page
          .run(() => page.client.call('refreshPartnerView', partner.id), { near })
          .then((next) => next && render(next, next.note || linksText.updated));
      });
      const replaceLink = h('button', {
        className: 'small danger',
        text: 'Replace link',
        attrs: { type: 'button' },
        testid: 'links-rotate',
      });
      replaceLink.addEventListener('click', () => confirmReplace());
      actions.push(update, replaceLink);
    }
    replace(
      body,
      linkRow('View file', links.viewUrl, linksText.noView, 'links-view', status),
      linkRow('Registration link', links.formUrl, links.note || '', 'links-form', status),
      actions.length ? h('div', { className: 'actions' }, ...actions) : null,
    );
  };

  const confirmReplace = (): void => {
    const yes = h('button', {
      className: 'small danger',
      text: 'Replace',
      attrs: { type: 'button' },
      testid: 'links-rotate-confirm',
    });
    const no = h('button', {
      className: 'small',
      text: 'Cancel',
      attrs: { type: 'button' },
      testid: 'links-rotate-cancel',
    });
    const ask = h(
      'div',
      { className: 'confirm', attrs: { role: 'group' }, testid: 'links-confirm' },
      h('p', { text: linksText.confirm }),
      h('div', { className: 'actions' }, yes, no),
    );
    body.append(ask);
    no.addEventListener('click', () => {
      ask.remove();
      panel.querySelector<HTMLElement>('[data-testid="links-rotate"]')?.focus();
    });
    yes.addEventListener('click', () => {
      void (async () => {
        const rotated = await page.run(() => page.client.call('rotatePartnerLink', partner.id), { near });
        if (!rotated) return;
        ask.remove();
        // The partner's view shows the new link once updated: at once when it has a file.
        const updated = rotated.viewUrl
          ? await page.run(() => page.client.call('refreshPartnerView', partner.id), { near })
          : undefined;
        render(updated ?? rotated, updated ? linksText.replaced : linksText.replacedNotShown);
        panel.querySelector<HTMLElement>('[data-testid="links-form-url"]')?.focus();
      })();
    });
    yes.focus();
  };

  void page
    .run(() => page.client.call('getPartnerLinks', partner.id), { near })
    .then((links) => {
      if (links) render(links);
      else replace(body);
    });
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What "Update all views now" did, in the banner's lines. */
export function viewsDone(r: ViewsReport): string[] {
  const done = [
    `Views updated: ${plural(r.created, 'file')} made, ${plural(r.written, 'file')} written, ${plural(r.shared, 'person', 'people')} given access.`,
  ];
  if (r.closed) done.push(`${plural(r.closed, 'file')} emptied and unshared.`);
  if (r.waiting) done.push(`${plural(r.waiting, 'partner')} wait for the next runs (the day's file quota).`);
  return [...done, ...r.errors];
}

/** What "Send statements now" did. */
export function statementsDone(r: StatementsReport): string {
  return `Statements for ${r.month}: ${plural(r.sent, 'e-mail')} sent${r.owed ? `, ${r.owed} queued for the next days (mail quota)` : ''}${r.skipped ? `, ${r.skipped} without activity or opted out` : ''}.`;
}
