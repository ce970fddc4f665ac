/**
 * What a refresh does to one partner's view file, decided from what is known of the file and what
 * the partner is now (pure; the hourly run carries it out):
 * - close: the file is emptied and every person's access removed, when the partner is Terminated
 *   (or has no contact left), or when a person it was shared with is no longer a contact (a changed
 *   or removed e-mail): the old link then shows nothing, and a new file is made for the contacts;
 * - create: a live partner with no file gets one (within the day's quota);
 * - write: the content changed since it was last written (its fingerprint), or the file is new;
 * - share: contacts the file is not shared with yet (after the write: nobody sees a stale file).
 */
import { PARTNER_STATUS } from '../../shared/statuses';

export interface ViewFileState {
  readonly fileId: string;
  readonly fingerprint: string;
  readonly sharedWith: readonly string[];
}

export interface ViewPlan {
  readonly close: boolean;
  readonly create: boolean;
  readonly write: boolean;
  readonly share: readonly string[];
}

const EMAIL = /^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$/;

/** The people a partner's view is for: the contact e-mail and the additional contacts, lower-cased, once each. */
export function viewContacts(contactEmail: string, additional: string): string[] {
  const all = [contactEmail, ...additional.split(/[,;\s]+/)].map((e) => e.trim().toLowerCase());
  return [...new Set(all.filter((e) => EMAIL.test(e)))];
}

/** Whether a partner has a view at all: not Terminated, and someone to show it to. */
export function viewIsLive(status: string, contacts: readonly string[]): boolean {
  return status !== PARTNER_STATUS.Terminated && contacts.length > 0;
}

export function planView(
  file: ViewFileState,
  status: string,
  contacts: readonly string[],
  fingerprint: string,
): ViewPlan {
  const live = viewIsLive(status, contacts);
  const removed = file.sharedWith.some((e) => !contacts.includes(e));
  const close = file.fileId !== '' && (!live || removed);
  if (!live) return { close, create: false, write: false, share: [] };
  const hasFile = file.fileId !== '' && !close;
  const shared = hasFile ? file.sharedWith : [];
  return {
    close,
    create: !hasFile,
    write: !hasFile || file.fingerprint !== fingerprint,
    share: contacts.filter((e) => !shared.includes(e)),
  };
}
