/**
 * Splitting an amount by ratios without losing a unit: each share is floored, then the remainder is
 * handed out one minor unit at a time from the first share on (dinero.js's allocate).
 */
import { MoneyError, moneyMessages } from './messages';
import { assertMinor } from './parse';

/** allocate(100, [1, 1, 1]) -> [34, 33, 33]; the shares always sum to the amount. */
export function allocate(minor: number, ratios: readonly number[]): number[] {
  assertMinor(minor);
  if (ratios.some((r) => !Number.isSafeInteger(r) || r < 0) || !ratios.some((r) => r > 0)) {
    throw new MoneyError(moneyMessages.badRatios());
  }
  if (minor < 0) return allocate(-minor, ratios).map((share) => (share === 0 ? 0 : -share));
  const total = BigInt(ratios.reduce((a, b) => a + b, 0));
  const shares = ratios.map((r) => (BigInt(minor) * BigInt(r)) / total);
  let remainder = BigInt(minor) - shares.reduce((a, b) => a + b, 0n);
  for (let i = 0; remainder > 0n; i = (i + 1) % shares.length) {
    if (ratios[i] === 0) continue;
    shares[i] += 1n;
    remainder -= 1n;
  }
  return shares.map(Number);
}

/** distribute(10, 3) -> [4, 3, 3]: equal shares. */
export function distribute(minor: number, parts: number): number[] {
  return allocate(minor, new Array<number>(parts).fill(1));
}
