/**
 * The registration links' secrets in plain form, kept in the USER properties of the person who keeps
 * the partners' files (the owner: their hourly run writes each secret into the partner's own view,
 * and getPartnerLinks shows it to them again). Never in the document properties (those hold only the
 * hashes, sheets/view-state.ts) nor in a cell of the tracker. One value per partner
 * (`tracker.link.<tracker id>.<partner id>`: an add-on's user properties are shared by all of the
 * user's documents), read all at once and written all at once.
 */
import { secretFromRandom } from '../domain/partners/link-secret';

const prefixOf = (trackerId: string) => `tracker.link.${trackerId}.`;

/** Partner id -> secret, for this tracker (one call). */
export function readLinkSecrets(trackerId: string): Map<string, string> {
  const prefix = prefixOf(trackerId);
  const all = PropertiesService.getUserProperties().getProperties();
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(all))
    if (key.startsWith(prefix) && value) out.set(key.slice(prefix.length), value);
  return out;
}

/** Stores these partners' secrets (one call; nothing when there are none). */
export function writeLinkSecrets(trackerId: string, secrets: ReadonlyMap<string, string>): void {
  if (!secrets.size) return;
  const prefix = prefixOf(trackerId);
  PropertiesService.getUserProperties().setProperties(
    Object.fromEntries([...secrets].map(([id, secret]) => [`${prefix}${id}`, secret])),
  );
}

/** A new secret: 128 bits drawn from two version-4 UUIDs (244 random bits). */
export function newLinkSecret(): string {
  return secretFromRandom(`${Utilities.getUuid()}${Utilities.getUuid()}`);
}
