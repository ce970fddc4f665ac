/**
 * The Partners page's "Partner e-mail" lines: what waits to be sent (the next hourly run sends it,
 * within the day's e-mail quota) and, when there are any, the updates the tracker could not keep
 * because their store was full, with Dismiss (it sends back the running count the page showed, so
 * updates counted since stay shown). Their own busy and error states: the rest of the page does not
 * wait.
 */
import type { PartnerMailStatus } from '../../../src/shared/api';
import { byId, setText } from '../../common/dom';
import { errorText, type Page } from '../../common/page';
import { mailText } from './mail-text';

/** The running count of updates not kept the page shows (what Dismiss sends back). */
let shownThrough = 0;

function showStatus(status: PartnerMailStatus): void {
  setText(byId('mail-status'), mailText.waiting(status.waiting));
  shownThrough = status.notKeptThrough;
  byId('mail-not-kept-box').hidden = status.notKept === 0;
  setText(byId('mail-not-kept'), status.notKept ? mailText.notKept(status.notKept) : '');
}

export async function loadMailStatus(page: Page): Promise<void> {
  const line = byId('mail-status');
  line.setAttribute('aria-busy', 'true');
  setText(line, mailText.checking);
  try {
    showStatus(await page.client.call('getPartnerMailStatus'));
  } catch (error) {
    setText(line, mailText.failed(errorText(error)));
  } finally {
    line.setAttribute('aria-busy', 'false');
  }
}

export function wireDismissNotKept(page: Page): void {
  const button = byId<HTMLButtonElement>('dismiss-not-kept');
  const box = byId('mail-not-kept-box');
  const text = byId('mail-not-kept');
  button.addEventListener('click', () => {
    const shown = text.textContent ?? '';
    button.disabled = true;
    box.setAttribute('aria-busy', 'true');
    setText(button, mailText.dismissing);
    void page.client
      .call('dismissMailNotKept', shownThrough)
      .then(
        (status) => {
          showStatus(status);
          // The button went with the banner: focus stays in the section it was in.
          if (box.hidden) byId('mail-title').focus();
        },
        (error: unknown) => setText(text, mailText.dismissFailed(shown, errorText(error))),
      )
      .finally(() => {
        button.disabled = false;
        box.setAttribute('aria-busy', 'false');
        setText(button, mailText.dismiss);
      });
  });
}
