/**
 * A partner's registration secret: HMAC-SHA256 of the partner and the link's generation under the
 * tracker's link key, 128 bits in base64url (22 characters). Unguessable without the key; never
 * stored (the key derives it again, so the link can be shown again); rotating the link raises the
 * generation, and the old secret stops matching.
 */
import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha256';
import { utf8Bytes } from '../audit/utf8';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function base64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = [18, 12, 6, 0].map((shift) => ALPHABET[(n >> shift) & 63]);
    out += chars.slice(0, Math.min(4, Math.ceil((Math.min(3, bytes.length - i) * 8) / 6))).join('');
  }
  return out;
}

export function linkSecret(key: string, partnerId: string, generation: number): string {
  const mac = hmac(sha256, utf8Bytes(key), utf8Bytes(`${partnerId}:${generation}`));
  return base64url(mac.slice(0, 16));
}

/** The partner a secret belongs to (at its current generation), or null: constant work per partner. */
export function partnerOfSecret(
  key: string,
  secret: string,
  partners: ReadonlyArray<{ id: string; generation: number }>,
): string | null {
  const given = secret.trim();
  if (given.length !== 22) return null;
  let found: string | null = null;
  for (const p of partners) if (linkSecret(key, p.id, p.generation) === given) found = p.id;
  return found;
}
