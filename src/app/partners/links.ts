/**
 * A partner's registration link: the program's form with the partner's secret in a pre-filled
 * answer. Each partner has a random secret of its own (domain/partners/link-secret.ts); the document
 * properties keep only its hash (the partner's view entry, `s`), which is what a submission is
 * matched against. The secret in plain form is kept in the owner's user properties
 * (sheets/link-secrets.ts) and written into the partner's own view file: the owner's hourly run and
 * the owner's sidebar can show the link again; nobody else's execution can, and a copy of the
 * document properties reveals no link. `rotatePartnerLink` gives a new secret: the old hash is gone,
 * so the old link is refused.
 */
import { secretHash } from '../../domain/partners/link-secret';
import type { FormState } from '../../sheets/form-state';
import { newLinkSecret, readLinkSecrets, writeLinkSecrets } from '../../sheets/link-secrets';
import type { ViewEntry } from '../../sheets/view-state';

/** The key of the derived links of an earlier version (they are no longer accepted): cleared. */
export const LEGACY_LINK_KEY_PROPERTY = 'tracker.linkKey';

/** The registration link of a secret, or '' while the program has no form (or the secret is unknown). */
export function registrationLink(form: FormState | null, secret: string | undefined): string {
  if (!form || form.ready === false || !secret) return '';
  return `${form.responderUri}?usp=pp_url&entry.${form.keyEntry}=${secret}`;
}

/** Stored hash -> partner id, from the partners' view entries. */
export function partnerOfHash(entries: ReadonlyMap<string, ViewEntry>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [id, entry] of entries) if (entry.s) out.set(entry.s, id);
  return out;
}

/**
 * The owner's secret of each of these partners (one read of their user properties). A partner whose
 * stored hash has no matching secret here gets a new one (a new partner; a secret lost or never
 * saved): its hash is set on its entry (for the caller's property write) and the new secrets are
 * saved at once (one call). A secret saved by a run that died before storing its hash is taken up.
 */
export function ensureLinkSecrets(
  trackerId: string,
  entries: Map<string, ViewEntry>,
  partnerIds: readonly string[],
  makeEntry: () => ViewEntry,
): Map<string, string> {
  const secrets = readLinkSecrets(trackerId);
  const made = new Map<string, string>();
  for (const id of partnerIds) {
    const entry = entries.get(id) ?? makeEntry();
    const kept = secrets.get(id);
    if (kept && (!entry.s || entry.s === secretHash(kept))) {
      if (!entry.s) entries.set(id, { ...entry, s: secretHash(kept) });
      continue;
    }
    const secret = newLinkSecret();
    made.set(id, secret);
    secrets.set(id, secret);
    entries.set(id, { ...entry, s: secretHash(secret) });
  }
  writeLinkSecrets(trackerId, made);
  return secrets;
}

/** A new secret for the partner, its hash set on `entry` (the caller saves it: saveLinkSecret). */
export function replaceLinkSecret(entry: ViewEntry): string {
  const secret = newLinkSecret();
  entry.s = secretHash(secret);
  return secret;
}

/** Saves one partner's secret in the owner's user properties (one call). */
export function saveLinkSecret(trackerId: string, partnerId: string, secret: string): void {
  writeLinkSecrets(trackerId, new Map([[partnerId, secret]]));
}

/** The owner's secrets whose hash is the stored one (a stale one shows no link). */
export function knownSecrets(
  trackerId: string,
  entries: ReadonlyMap<string, ViewEntry>,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const [id, secret] of readLinkSecrets(trackerId))
    if (entries.get(id)?.s === secretHash(secret)) out.set(id, secret);
  return out;
}
