/**
 * Approving and rejecting commission lines by id, all or nothing: one refused id refuses the batch
 * (nothing is written on error) and every reason is returned.
 */
import { compareDays } from '../dates';
import { keys } from './keys';
import { commissionMessages as m } from './messages';
import type { LedgerLine, StatusChange } from './types';
import { COMMISSION_STATUS } from '../../shared/statuses';
import { isOpen } from './line-status';

export type Decision = { ok: true; changes: StatusChange[] } | { ok: false; errors: string[] };

function collect(
  lines: readonly LedgerLine[],
  ids: readonly string[],
  check: (line: LedgerLine) => string | null,
) {
  const byId = new Map(lines.map((l) => [l.id, l]));
  const errors: string[] = [];
  const found: LedgerLine[] = [];
  for (const id of new Set(ids)) {
    const line = byId.get(id);
    const error = line ? check(line) : m.unknownLine(id);
    if (error) errors.push(error);
    else found.push(line!);
  }
  return { errors, found };
}

/** Eligible lines (or Pending ones whose hold ended by `on`) -> Approved, recording who and when. */
export function approveLines(
  lines: readonly LedgerLine[],
  ids: readonly string[],
  { by, on }: { by: string; on: string },
): Decision {
  if (by.trim() === '' || on === '') return { ok: false, errors: [m.approverRequired] };
  const { errors, found } = collect(lines, ids, (line) => {
    if (line.status === COMMISSION_STATUS.Pending)
      return compareDays(line.eligibleOn, on) > 0 ? m.onHold(line.id, line.eligibleOn) : null;
    return line.status === COMMISSION_STATUS.Eligible ? null : m.notEligible(line.id, line.status);
  });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    changes: found.map((l) => ({
      id: l.id,
      from: l.status,
      to: COMMISSION_STATUS.Approved,
      approvedBy: by,
      approvedOn: on,
    })),
  };
}

/** Pending/Eligible lines -> Void with the reason; the key gains `/rejected` so no run recreates it. */
export function rejectLines(
  lines: readonly LedgerLine[],
  ids: readonly string[],
  reason: string,
  by = '',
): Decision {
  if (reason.trim() === '') return { ok: false, errors: [m.reasonRequired] };
  const { errors, found } = collect(lines, ids, (line) =>
    isOpen(line) ? null : m.notRejectable(line.id, line.status),
  );
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    changes: found.map((l) => ({
      id: l.id,
      from: l.status,
      to: COMMISSION_STATUS.Void,
      reason: m.rejected(by, reason.trim()),
      ...(l.key !== '' && { key: keys.rejected(l.key) }),
    })),
  };
}
