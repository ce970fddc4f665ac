/**
 * The audit chain's key (domain/audit/chain.ts): 64 hex characters made from two Utilities.getUuid
 * values (random version-4 UUIDs, 244 random bits), created at set-up or, for a tracker set up before
 * the chain was keyed, by its first append, and kept in the add-on's document properties. Google:
 * "Document properties created by a script are not accessible outside that script, even by other
 * scripts accessing the same document" (developers.google.com/apps-script/reference/properties/
 * properties-service#getDocumentProperties()): a person who edits the file, or a script bound to it,
 * cannot read the key, so they cannot compute a chain that verifies. It is never written to a cell,
 * note, developer metadata or the journal's ops (queued properties are not journal ops).
 */
import { type ChainKey, isChainKey } from '../domain/audit/chain';
import type { TrackerDocument } from './document';

export const AUDIT_KEY_PROPERTY = 'tracker.auditKey';
/** The log's last hash when its key was made: rows up to it were chained unkeyed ("" for none). */
export const AUDIT_KEY_FROM_PROPERTY = 'tracker.auditKeyFrom';

/** Where unkeyed rows end (see AUDIT_KEY_FROM_PROPERTY); undefined when not recorded. */
export function legacyEnd(doc: TrackerDocument): string | undefined {
  return doc.property(AUDIT_KEY_FROM_PROPERTY) ?? undefined;
}

/** The key, or undefined when this tracker has none yet. */
export function auditKey(doc: TrackerDocument): ChainKey | undefined {
  const text = doc.property(AUDIT_KEY_PROPERTY);
  return isChainKey(text) ? text : undefined;
}

/**
 * The key, created when there is none (queued with the caller's property write, together with the
 * log's last hash `lastHash`, where unkeyed rows end).
 */
export function ensureAuditKey(doc: TrackerDocument, lastHash: string): ChainKey {
  const have = auditKey(doc);
  if (have) return have;
  const key = `${Utilities.getUuid()}${Utilities.getUuid()}`.replace(/-/g, '').toLowerCase();
  doc.setProperty(AUDIT_KEY_PROPERTY, key);
  doc.setProperty(AUDIT_KEY_FROM_PROPERTY, lastHash);
  return key;
}
