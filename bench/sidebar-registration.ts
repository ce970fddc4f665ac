/**
 * A registration as the sidebar makes it: registerLead (the person waits for it), then, once its
 * result is shown, the page's own call that sends the partner's "registration received" e-mail
 * (sendOwedMail; the person does not wait for it). Every registration the bench makes through the
 * sidebar makes both, so no e-mail is left for the hourly registration-mail job that the sidebar would
 * have sent: that job's work would otherwise fall into whichever measured hourly run comes next.
 */
import type { Emulator } from '../emulator/harness';

export interface Registered {
  id: string;
  mailOwed?: boolean;
}

/** The page's call after a registration: sends its e-mail when one is owed. */
export function sendRegistrationMail(emu: Emulator, user: string, result: Registered): void {
  if (result.mailOwed) emu.call(user, 'sendOwedMail', result.id);
}

/** registerLead, then the page's e-mail call (both as the sidebar makes them). */
export function registerAsSidebar(emu: Emulator, user: string, request: Record<string, unknown>): Registered {
  const result = emu.call<Registered>(user, 'registerLead', request);
  sendRegistrationMail(emu, user, result);
  return result;
}
