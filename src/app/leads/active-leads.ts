/**
 * The active registrations the lead index holds (sheets/lead-index.ts) as the leads the conflict
 * check indexes: the same fields `leadOf` gives a full read (Status checked, Expires On as an ISO
 * day in the spreadsheet's time zone), so the conflict rules see exactly what a full scan would.
 */
import { companyDomainOf, indexBlocks, nameKey, queryBlocks, type IndexedLead } from '../../domain/leads';
import type { IndexEntry } from '../../sheets/lead-index';
import type { Days } from '../../sheets/days';
import { LEAD_STATUSES, readStatus } from '../../shared/statuses';
import { dayOfCell } from './cells';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export function indexedLeadOf(entry: IndexEntry, days: Days): IndexedLead {
  const [, id, partnerId, partnerName, company, domain, , status, expiresOn] = entry;
  const read = readStatus(LEAD_STATUSES, status, '');
  return {
    id,
    partnerId,
    partnerName,
    company,
    // The company domain as computed when indexed: companyDomainOf gives it back unchanged.
    domain,
    contactEmail: '',
    status: read.ok ? (read.status ?? '') : '',
    expiresOn: dayOfCell(ISO_INSTANT.test(expiresOn) ? new Date(expiresOn) : expiresOn, days),
  };
}

export function indexedLeads(entries: Iterable<IndexEntry>, days: Days): IndexedLead[] {
  const out: IndexedLead[] = [];
  for (const entry of entries) out.push(indexedLeadOf(entry, days));
  return out;
}

/**
 * The active registrations a candidate can meet in the conflict check: those with its company
 * domain or sharing a name block with it (findConflicts looks at no others), converted; the rest of
 * the index is never turned into leads.
 */
export function candidatesFor(
  entries: Iterable<IndexEntry>,
  candidate: { company: string; domain?: string; contactEmail?: string },
  days: Days,
): IndexedLead[] {
  const domain = companyDomainOf(candidate);
  const blocks = new Set(queryBlocks(nameKey(candidate.company)));
  const out: IndexedLead[] = [];
  for (const entry of entries) {
    const near =
      (domain !== null && entry[5] === domain) || indexBlocks(entry[6]).some((block) => blocks.has(block));
    if (near) out.push(indexedLeadOf(entry, days));
  }
  return out;
}

/**
 * candidatesFor for many candidates (the form's hourly intake: hundreds of registrations against the
 * same index): the first is found by one scan, as candidatesFor does; from the second on, the entries
 * are looked up by company domain and name block, grouped once, each converted once. The same
 * entries, in the same order, as candidatesFor gives.
 */
export function candidateFinder(
  entries: () => Iterable<IndexEntry>,
  days: Days,
): (candidate: { company: string; domain?: string; contactEmail?: string }) => IndexedLead[] {
  let calls = 0;
  let all: IndexEntry[] = [];
  const byDomain = new Map<string, number[]>();
  const byBlock = new Map<string, number[]>();
  const converted = new Map<number, IndexedLead>();
  const add = (map: Map<string, number[]>, key: string, at: number) => {
    const list = map.get(key);
    if (list) {
      if (list[list.length - 1] !== at) list.push(at);
    } else map.set(key, [at]);
  };
  return (candidate) => {
    if (++calls === 1) return candidatesFor(entries(), candidate, days);
    if (calls === 2) {
      all = [...entries()];
      all.forEach((entry, at) => {
        if (entry[5]) add(byDomain, entry[5], at);
        for (const block of indexBlocks(entry[6])) add(byBlock, block, at);
      });
    }
    const found = new Set<number>();
    const domain = companyDomainOf(candidate);
    if (domain !== null) for (const at of byDomain.get(domain) ?? []) found.add(at);
    for (const block of queryBlocks(nameKey(candidate.company)))
      for (const at of byBlock.get(block) ?? []) found.add(at);
    return [...found]
      .sort((a, b) => a - b)
      .map((at) => {
        let lead = converted.get(at);
        if (!lead) converted.set(at, (lead = indexedLeadOf(all[at], days)));
        return lead;
      });
  };
}
