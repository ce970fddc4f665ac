/** The Partners list: filter by type, tier and status, and search name, contact, email or id. */
import type { Partner, PartnerFilter } from '../../shared/api';

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}

function sameValue(a: string, b: string): boolean {
  return fold(a) === fold(b);
}

export function filterPartners<
  P extends Pick<Partner, 'id' | 'partnerName' | 'contactName' | 'contactEmail' | 'type' | 'tier' | 'status'>,
>(partners: readonly P[], filter: PartnerFilter = {}): P[] {
  const words = fold(filter.search ?? '')
    .split(/\s+/)
    .filter((word) => word !== '');
  return partners
    .filter((p) => !filter.type || sameValue(p.type, filter.type))
    .filter((p) => !filter.tier || sameValue(p.tier, filter.tier))
    .filter((p) => !filter.status || p.status === filter.status)
    .filter((p) => {
      if (words.length === 0) return true;
      const haystack = fold([p.id, p.partnerName, p.contactName, p.contactEmail].join(' '));
      return words.every((word) => haystack.includes(word));
    })
    .sort(
      (a, b) =>
        a.partnerName.localeCompare(b.partnerName, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id),
    );
}
