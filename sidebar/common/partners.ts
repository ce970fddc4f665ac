/**
 * Partner pickers: sorted by name; Paused and Terminated partners are shown, marked, and cannot be
 * chosen.
 */
import type { FormOptions } from '../../src/shared/api';
import type { Choice } from './dom';
import { PARTNER_STATUS } from '../../src/shared/statuses';

/** Sorted by name (then id), as a person looks for a partner. */
export function partnerChoices(partners: FormOptions['partners']): Choice[] {
  const sorted = [...partners].sort(
    (a, b) =>
      a.partnerName.localeCompare(b.partnerName, undefined, { sensitivity: 'base' }) ||
      a.id.localeCompare(b.id),
  );
  return sorted.map((partner) => ({
    value: partner.id,
    label:
      partner.status === PARTNER_STATUS.Active
        ? `${partner.partnerName} (${partner.id})`
        : `${partner.partnerName} (${partner.id}) — ${partner.status}`,
    disabled: partner.status !== PARTNER_STATUS.Active,
  }));
}

/** Partner ID -> name, for lists that only carry the id. */
export function partnerNames(partners: FormOptions['partners']): Map<string, string> {
  return new Map(partners.map((partner) => [partner.id, partner.partnerName]));
}
