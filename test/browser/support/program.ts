/**
 * The set-up the browser tests share: a playground whose tracker is set up from the menu, the
 * program each test needs created through the add-on's own functions (as the owner), and a sidebar
 * page opened from the add-on menu and loaded.
 */
import type { Frame, Page } from 'playwright-core';
import { OWNER, type Session } from '../../../playground/session';
import { gotoPlayground, idle, openPlayground, runMenu, sidebarFrame, type Harness } from './browser';

/**
 * Runs an add-on function as the owner (a journaled step) and returns its result; a failed call
 * throws with its error. Not saved at each step: openSetUpPlayground saves once when done.
 */
export function asOwner<T = unknown>(session: Session, call: string, ...args: unknown[]): T {
  const done = session.apply({ as: OWNER, call, args }, { persist: false });
  if (!done.ok) throw new Error(`${call} failed: ${done.error}`);
  return done.result as T;
}

/** Referral partners added by name and contact e-mail; their ids, in the same order. */
export function savePartners(
  session: Session,
  partners: ReadonlyArray<[name: string, email: string]>,
): string[] {
  return partners.map(
    ([partnerName, contactEmail]) =>
      asOwner<{ id: string }>(session, 'savePartner', { partnerName, contactEmail, type: 'Referral' }).id,
  );
}

/**
 * A playground (fresh data folder) whose tracker is set up from the menu, then `prepare` run on its
 * session (the owner's calls), saved, and the page loaded again on the result (past set-up's
 * summary dialog).
 */
export async function openSetUpPlayground(prepare?: (session: Session) => void): Promise<Harness> {
  const h = await openPlayground();
  try {
    await runMenu(h.page, 'Set up tracker');
    prepare?.(h.playground.session);
    h.playground.session.save();
    await gotoPlayground(h.page, h.playground.url);
    return h;
  } catch (err) {
    await h.close();
    throw err;
  }
}

/** Opens an add-on page from the menu and waits until it has loaded (its busy state over). */
export async function openSidebarPage(page: Page, caption: string): Promise<Frame> {
  await runMenu(page, caption);
  const frame = await sidebarFrame(page);
  await frame.waitForSelector('#page[aria-busy="false"]');
  await idle(page);
  return frame;
}
