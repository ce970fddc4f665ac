/**
 * Conflict detection. The existing leads are indexed once (by company domain, and by name segments
 * for the near-identical match, see nameBlocks.ts), so checking one registration looks only at the
 * leads that share its domain or a name segment: cost grows with those candidates, not with the
 * number of leads.
 */
import type { Conflict, Lead } from '../../shared/api';
import { companyDomainOf, normalizeDomain } from './domains';
import { leadMessages } from './messages';
import { indexBlocks, queryBlocks } from './nameBlocks';
import { charMask, keysMatchMasked, nameKey } from './similarity';
import { isProtectedStatus } from './status';
import { isProtected } from './window';

export type IndexedLead = Pick<
  Lead,
  'id' | 'partnerId' | 'partnerName' | 'company' | 'domain' | 'contactEmail' | 'status' | 'expiresOn'
>;

interface Entry {
  lead: IndexedLead;
  domain: string | null;
  key: string;
  /** charMask(key): the cheap test that rules out most of a block (common words share blocks). */
  mask: number;
  /** isProtected(lead, day) for the last day asked (dates are parsed once per entry and day). */
  protectedOn?: { day: string; value: boolean };
}

export interface LeadIndex {
  readonly byDomain: Map<string, Entry[]>;
  readonly byBlock: Map<string, Entry[]>;
}

function push(map: Map<string, Entry[]>, key: string, entry: Entry): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}

export function emptyLeadIndex(): LeadIndex {
  return { byDomain: new Map(), byBlock: new Map() };
}

/** Adds a lead (only Submitted and Approved leads can ever block; others are skipped). */
export function addToIndex(index: LeadIndex, lead: IndexedLead): void {
  if (!isProtectedStatus(lead.status)) return;
  const domain = companyDomainOf(lead);
  const key = nameKey(lead.company);
  const entry: Entry = { lead, domain, key, mask: charMask(key) };
  if (domain) push(index.byDomain, domain, entry);
  for (const block of indexBlocks(key)) push(index.byBlock, block, entry);
}

export function buildLeadIndex(leads: Iterable<IndexedLead>): LeadIndex {
  const index = emptyLeadIndex();
  for (const lead of leads) addToIndex(index, lead);
  return index;
}

export interface ConflictQuery {
  candidate: { company: string; domain?: string; contactEmail?: string };
  partnerId: string;
  index: LeadIndex;
  /** Names partners whose leads carry no Partner Name. */
  partners?: ReadonlyArray<{ id: string; partnerName: string }>;
  /** Settings' "House accounts": domains of direct customers. */
  houseAccounts?: readonly string[];
  today: string;
  /** A lead to leave out (the lead being re-checked). */
  excludeLeadId?: string;
}

export interface ConflictReport {
  /** The same partner's protected lead for the same company, if any. */
  duplicateOf: string | null;
  duplicate: IndexedLead | null;
  conflicts: Conflict[];
}

export function findConflicts(query: ConflictQuery): ConflictReport {
  const { candidate, partnerId, index, today } = query;
  const domain = companyDomainOf(candidate);
  const key = nameKey(candidate.company);
  const partnerNames = new Map((query.partners ?? []).map((partner) => [partner.id, partner.partnerName]));
  const conflicts: Conflict[] = [];

  const houseAccounts = new Set((query.houseAccounts ?? []).map(normalizeDomain).filter((d) => d !== ''));
  if (domain && houseAccounts.has(domain))
    conflicts.push({ leadId: '', partnerId: '', partnerName: '', reason: leadMessages.houseAccount(domain) });

  const mask = charMask(key);
  const matches = new Map<string, { entry: Entry; byDomain: boolean }>();
  // A lead sits in several of the looked-up blocks: each is checked once per query.
  const seen = new Set<Entry>();
  const consider = (entry: Entry, byDomain: boolean) => {
    const lead = entry.lead;
    if (lead.id === query.excludeLeadId || matches.has(lead.id)) return;
    if (!byDomain) {
      if (seen.has(entry)) return;
      seen.add(entry);
    }
    if (!byDomain && !keysMatchMasked(key, mask, entry.key, entry.mask)) return;
    if (entry.protectedOn?.day !== today) entry.protectedOn = { day: today, value: isProtected(lead, today) };
    if (entry.protectedOn.value) matches.set(lead.id, { entry, byDomain });
  };
  if (domain) for (const entry of index.byDomain.get(domain) ?? []) consider(entry, true);
  for (const block of queryBlocks(key))
    for (const entry of index.byBlock.get(block) ?? []) consider(entry, false);

  let duplicate: IndexedLead | null = null;
  const sorted = [...matches.values()].sort((a, b) => a.entry.lead.id.localeCompare(b.entry.lead.id));
  for (const { entry, byDomain } of sorted) {
    const lead = entry.lead;
    if (lead.partnerId === partnerId) {
      // The partner's own registration: refused only for the same company (the same domain, or the
      // same normalized name); a near-identical name is registered and flagged with the reason.
      if (byDomain || entry.key === key) duplicate ??= lead;
      else
        conflicts.push({
          leadId: lead.id,
          partnerId: lead.partnerId,
          partnerName: lead.partnerName || partnerNames.get(lead.partnerId) || lead.partnerId,
          reason: leadMessages.ownNearName(
            candidate.company.trim(),
            lead.company,
            lead.id,
            lead.expiresOn,
            nearNameWhy(domain, entry.domain, key, entry.key),
          ),
        });
      continue;
    }
    const partnerName = lead.partnerName || partnerNames.get(lead.partnerId) || lead.partnerId;
    const reason = byDomain
      ? leadMessages.sameDomain(domain as string, lead.id, partnerName, lead.expiresOn)
      : leadMessages.sameName(candidate.company.trim(), lead.company, lead.id, partnerName, lead.expiresOn);
    conflicts.push({ leadId: lead.id, partnerId: lead.partnerId, partnerName, reason });
  }
  return { duplicateOf: duplicate ? duplicate.id : null, duplicate, conflicts };
}

/** Why two near-identical names of one partner may be two companies. */
function nearNameWhy(domain: string | null, other: string | null, key: string, otherKey: string): string {
  if (domain && other && domain !== other) return leadMessages.differentDomains(domain, other);
  const digits = (k: string) => k.replace(/\D/g, '');
  if (digits(key) !== digits(otherKey)) return leadMessages.differentNumber();
  return leadMessages.nearName();
}

/** The refusal when a partner registers a company it already holds. */
export function duplicateMessage(lead: Pick<Lead, 'id' | 'company' | 'status' | 'expiresOn'>): string {
  return leadMessages.duplicate(lead.company, lead.id, lead.status, lead.expiresOn);
}
