/**
 * The Partners page's "Partner e-mail" lines: what waits to be sent (the next hourly run sends it,
 * within the day's e-mail quota) and, when there are any, the updates the tracker could not keep
 * because their store was full. Its own busy and error states: the rest of the page does not wait.
 */
import { byId, setText } from '../../common/dom';
import { errorText, type Page } from '../../common/page';
import { mailText } from './mail-text';

export async function loadMailStatus(page: Page): Promise<void> {
  const line = byId('mail-status');
  const notKept = byId('mail-not-kept');
  line.setAttribute('aria-busy', 'true');
  setText(line, mailText.checking);
  try {
    const status = await page.client.call('getPartnerMailStatus');
    setText(line, mailText.waiting(status.waiting));
    notKept.hidden = status.notKept === 0;
    setText(notKept, status.notKept ? mailText.notKept(status.notKept) : '');
  } catch (error) {
    setText(line, mailText.failed(errorText(error)));
  } finally {
    line.setAttribute('aria-busy', 'false');
  }
}
