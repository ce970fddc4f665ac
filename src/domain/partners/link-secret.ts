/**
 * A partner's registration secret: 128 random bits in base64url (22 characters), made from the
 * randomness the caller brings (sheets/link-secrets.ts: Utilities.getUuid), one per partner, new at
 * each rotation. The tracker's document properties hold only its hash (`secretHash`): a submission
 * is matched by hashing what it carries, so a leak of the properties reveals no link. The secret
 * itself is kept only where the link must be shown again: the partner's own view file and the
 * owner's user properties (see README, "Registration links").
 */
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex } from '@noble/hashes/utils';
import { utf8Bytes } from '../audit/utf8';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
export const SECRET_LENGTH = 22;

function base64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = [18, 12, 6, 0].map((shift) => ALPHABET[(n >> shift) & 63]);
    out += chars.slice(0, Math.min(4, Math.ceil((Math.min(3, bytes.length - i) * 8) / 6))).join('');
  }
  return out;
}

/** A secret from random text of at least 128 random bits (two UUIDs give 244): 16 bytes of its SHA-256. */
export function secretFromRandom(random: string): string {
  return base64url(sha256(utf8Bytes(random)).slice(0, 16));
}

/** What is stored of a secret: 128 bits of its SHA-256, hex. */
export function secretHash(secret: string): string {
  return bytesToHex(sha256(utf8Bytes(secret.trim()))).slice(0, 32);
}

/** The partner whose stored hash the given secret has, or null (wrong, or replaced by a rotation). */
export function partnerOfSecret(secret: string, partnerOfHash: ReadonlyMap<string, string>): string | null {
  const given = secret.trim();
  if (given.length !== SECRET_LENGTH) return null;
  return partnerOfHash.get(secretHash(given)) ?? null;
}
