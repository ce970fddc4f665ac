/**
 * Applying only the difference between the ledger and the desired lines. Pure: the app layer writes
 * `create` (appended rows) and `statusChanges` (cells of existing rows) under the document lock.
 * Running it again on its own output changes nothing. Lines without a key (made by hand) are left
 * alone; a key with a rejected line is never recreated. An Adjustment of a line already in an
 * Approved or Paid payout waits, Pending, for a person's approval (line-status.ts).
 */
import { baseKey, isRejectedKey } from './keys';
import { settleKey } from './settle-key';
import type { DesiredLine, LedgerLine, StatusChange } from './types';
import { COMMISSION_STATUS } from '../../shared/statuses';
import { becomesEligible, isVoid } from './line-status';

const { Pending, Eligible } = COMMISSION_STATUS;

export interface ReconcileInput {
  readonly ledger: readonly LedgerLine[];
  readonly desired: readonly DesiredLine[];
  /** ISO day: lines whose hold has ended by then become Eligible. */
  readonly asOf: string;
  /** The next free Commission ID (C-000123), allocated under the lock. */
  readonly nextId: () => string;
  /**
   * Whether the payout of this id is Approved or Paid (its lines are locked): asked only when a
   * settled line in a payout needs an Adjustment. Absent: only Paid lines count as locked.
   */
  readonly lockedPayout?: (payoutId: string) => boolean;
}

export interface ReconcileResult {
  readonly create: LedgerLine[];
  readonly statusChanges: StatusChange[];
  readonly summary: { readonly created: number; readonly voided: number; readonly eligible: number };
}

export function reconcile({ ledger, desired, asOf, nextId, lockedPayout }: ReconcileInput): ReconcileResult {
  const groups = new Map<string, LedgerLine[]>();
  for (const line of ledger) {
    if (line.key === '') continue;
    const key = baseKey(line.key);
    groups.set(key, [...(groups.get(key) ?? []), line]);
  }
  const wanted = new Map(desired.map((d) => [d.key, d]));
  const allKeys = [...new Set([...wanted.keys(), ...groups.keys()])];
  const create: LedgerLine[] = [];
  const voids: StatusChange[] = [];
  for (const key of allKeys) {
    const group = groups.get(key) ?? [];
    if (group.some((l) => isVoid(l) && isRejectedKey(l.key))) continue;
    const want = wanted.get(key);
    const currencies = new Set(group.filter((l) => !isVoid(l)).map((l) => l.currency));
    if (want) currencies.add(want.currency);
    for (const currency of currencies) {
      const desiredHere = want && want.currency === currency ? want : undefined;
      const result = settleKey({
        key,
        currency,
        desired: desiredHere,
        group,
        asOf,
        nextId,
        lockedPayout,
      });
      create.push(...result.create);
      voids.push(...result.voids);
    }
  }
  const voided = new Set(voids.map((v) => v.id));
  const eligible = ledger
    .filter((l) => !voided.has(l.id) && becomesEligible(l, asOf))
    .map((l): StatusChange => ({ id: l.id, from: Pending, to: Eligible }));
  return {
    create,
    statusChanges: [...voids, ...eligible],
    summary: { created: create.length, voided: voids.length, eligible: eligible.length },
  };
}
