/**
 * A partner's links: their view file and their registration form link (the program's form with the
 * partner's secret in a pre-filled answer). The secret is derived (domain/partners/link-secret.ts)
 * from the tracker's link key, the partner and the link's generation; `rotatePartnerLink` raises the
 * generation, so the old link is refused from then on.
 */
import { linkSecret } from '../../domain/partners/link-secret';
import type { TrackerDocument } from '../../sheets/document';
import { readFormState } from '../../sheets/form-state';
import { readViewEntries, readViewsMeta } from '../../sheets/view-state';
import { newRandomKey } from '../../sheets/random-key';

export const LINK_KEY_PROPERTY = 'tracker.linkKey';

/** The link generation of every partner with one recorded (0 otherwise). */
export function linkGenerations(doc: TrackerDocument): Map<string, number> {
  const entries = readViewEntries(doc, readViewsMeta(doc));
  return new Map([...entries].map(([id, e]) => [id, e.k ?? 0]));
}

/** The partner's registration link, or '' while the program has no form (or no link key) yet. */
export function registrationLinkOf(doc: TrackerDocument, partnerId: string, generation?: number): string {
  const form = readFormState(doc);
  const key = doc.property(LINK_KEY_PROPERTY);
  if (!form || form.ready === false || !key) return '';
  const g = generation ?? linkGenerations(doc).get(partnerId) ?? 0;
  return `${form.responderUri}?usp=pp_url&entry.${form.keyEntry}=${linkSecret(key, partnerId, g)}`;
}

/** The tracker's link key, made (and queued for the next property write) the first time. */
export function ensureLinkKey(doc: TrackerDocument): string {
  const key = doc.property(LINK_KEY_PROPERTY);
  if (key) return key;
  const made = newRandomKey();
  doc.setProperty(LINK_KEY_PROPERTY, made);
  return made;
}
