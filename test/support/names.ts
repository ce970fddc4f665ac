/**
 * A distinct company name in letters for each n: the conflict check reads names within a few typing
 * edits of each other as the same company, so names are ten pseudo-random letters.
 */
export function letters(n: number): string {
  let x = n + 0x9e3779b9;
  let out = '';
  for (let k = 0; k < 10; k++) {
    x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d);
    x = Math.imul(x ^ (x >>> 12), 0x297a2d39);
    x ^= x >>> 15;
    out += String.fromCharCode(97 + ((x >>> 0) % 26));
  }
  return out;
}
