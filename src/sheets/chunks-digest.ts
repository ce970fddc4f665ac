/**
 * The digest of an index's chunk cells (lead-index.ts, ledger-index.ts): the value of the rule
 * domain/audit/shadow-seal.ts cellsDigest (first 32 hex of SHA-256 of the texts joined by "\n", as
 * UTF-8), computed by Apps Script's own SHA-256 (Utilities.computeDigest) rather than in the
 * script's JavaScript: at 100,000 leads the lead index is about 10 MB of text, which JavaScript takes
 * a few hundred milliseconds of the call's CPU to hash on every read. The chunks are JSON text
 * (JSON.stringify writes no lone surrogate), so their UTF-8 is the same either way.
 */
export function chunksDigest(texts: readonly string[]): string {
  const bytes = Utilities.computeDigest(
    Utilities.DigestAlgorithm.SHA_256,
    texts.join('\n'),
    Utilities.Charset.UTF_8,
  );
  let hex = '';
  for (let i = 0; i < 16; i++) hex += ((bytes[i] & 0xff) + 0x100).toString(16).slice(1);
  return hex;
}
