/**
 * pageLeads: one page of Review leads' tabs (the review queue: Submitted, conflicts first, oldest
 * first; Approved: in sheet order), searched and filtered on the server. The lead index
 * (sheets/lead-index.ts) holds every active registration with what the search, the filters and the
 * order use, so the page is chosen there and only its rows are read; without a trusted index,
 * Leads is read whole and the same rule chooses the same page.
 */
import type { Lead, LeadPageQuery, LeadTab, Page } from '../../shared/api';
import { firstInOrder, matchesWords, pageOf, pageWindow, type PageWindow } from '../../shared/paging';
import { LEAD_STATUS, LEAD_STATUSES, readStatus, type LeadStatus } from '../../shared/statuses';
import { companyDomainOf } from '../../domain/leads';
import { readActiveRegistrations, type IndexEntry } from '../../sheets/lead-index';
import { openLeadRowsByIndex } from '../../sheets/lead-tables';
import type { Days } from '../../sheets/days';
import type { AppContext } from '../context';
import { fail } from '../user-error';
import { dayOfCell } from './cells';
import { userContext } from './request';
import { TrackerData } from './tracker-data';

const TAB_STATUS: Record<LeadTab, LeadStatus> = {
  queue: LEAD_STATUS.Submitted,
  approved: LEAD_STATUS.Approved,
};

export const pageMessages = {
  tab: (value: unknown) => `Tab must be one of queue, approved, not '${String(value)}'`,
} as const;

/** What the rule compares, from an index entry or a lead read whole: the same fields either way. */
interface Candidate {
  row: number;
  id: string;
  status: string;
  partnerId: string;
  /** id, company, company domain, partner name and id. */
  texts: string[];
  conflict: boolean;
  registeredOn: string;
}

interface LeadQuery extends PageWindow {
  status: LeadStatus;
  queue: boolean;
  partnerId: string;
}

function readQuery(query: unknown): LeadQuery {
  const q = (query && typeof query === 'object' ? query : {}) as LeadPageQuery;
  const tab = q.tab ?? 'queue';
  if (!Object.prototype.hasOwnProperty.call(TAB_STATUS, tab)) fail(pageMessages.tab(tab));
  const window = pageWindow(q);
  if ('error' in window) fail(window.error);
  return {
    ...window,
    status: TAB_STATUS[tab],
    queue: tab === 'queue',
    partnerId: typeof q.partnerId === 'string' ? q.partnerId.trim() : '',
  };
}

/** The review queue's order: conflicts first, then the oldest registration (a total order: rows differ). */
const queueOrder = (a: Candidate, b: Candidate) =>
  (b.conflict ? 1 : 0) - (a.conflict ? 1 : 0) ||
  a.registeredOn.localeCompare(b.registeredOn) ||
  a.id.localeCompare(b.id) ||
  a.row - b.row;

/** The candidates of the query's page: filtered, searched, ordered, cut. */
function choose(candidates: Candidate[], q: LeadQuery): Page<Candidate> {
  const chosen = candidates.filter(
    (c) =>
      c.status === q.status &&
      (!q.partnerId || c.partnerId === q.partnerId) &&
      matchesWords(q.words, c.texts),
  );
  // Only the candidates up to the page's end are put in order.
  const head = firstInOrder(chosen, q.queue ? queueOrder : (a, b) => a.row - b.row, q.offset + q.limit);
  return pageOf(head, q, chosen.length);
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** A Status cell's text as the status the rule compares ('' when it is none). */
function statusOfText(status: unknown): string {
  const read = readStatus(LEAD_STATUSES, status, '');
  return read.ok ? (read.status ?? '') : '';
}

function candidateOfEntry(entry: IndexEntry, days: Days): Candidate {
  const [row, id, partnerId, partnerName, company, domain, , status, , registeredOn, conflict] = entry;
  let day: string | undefined;
  return {
    row,
    id,
    status: statusOfText(status),
    partnerId,
    texts: [id, company, domain, partnerName, partnerId],
    conflict: conflict === 1,
    // Its day only when the order needs it (the review queue).
    get registeredOn() {
      return (day ??= dayOfCell(
        ISO_INSTANT.test(registeredOn) ? new Date(registeredOn) : registeredOn,
        days,
      ));
    },
  };
}

function candidateOfLead(row: number, lead: Lead): Candidate {
  return {
    row,
    id: lead.id,
    status: lead.status,
    partnerId: lead.partnerId,
    texts: [lead.id, lead.company, companyDomainOf(lead) ?? '', lead.partnerName, lead.partnerId],
    conflict: lead.conflict.trim() !== '',
    registeredOn: lead.registeredOn,
  };
}

/** The page from the index, reading only its rows; null when the index cannot serve. */
function pageByIndex(ctx: AppContext, q: LeadQuery): Page<Lead> | null {
  const active = readActiveRegistrations(ctx.doc);
  if (!active) return null;
  const days = ctx.doc.days();
  // Only the entries of the tab's status are parsed (a status read once per distinct text).
  const statuses = new Map<unknown, string>();
  const ofTab = (status: unknown) => {
    if (!statuses.has(status)) statuses.set(status, statusOfText(status));
    return statuses.get(status) === q.status;
  };
  const candidates = active.activeWhere(7, ofTab).map((entry) => candidateOfEntry(entry, days));
  const page = choose(candidates, q);
  if (
    !openLeadRowsByIndex(
      ctx,
      active,
      page.items.map((c) => c.row),
    )
  )
    return null;
  const byRow = new Map(new TrackerData(ctx).leads.map(({ row, lead }) => [row, lead]));
  const items: Lead[] = [];
  for (const c of page.items) {
    const lead = byRow.get(c.row);
    // The row no longer holds what the index says: not trusted (the whole read decides).
    if (!lead || lead.id !== c.id) return null;
    items.push(lead);
  }
  return { ...page, items };
}

export function pageLeads(query: unknown): Page<Lead> {
  const q = readQuery(query);
  const ctx = userContext();
  const indexed = pageByIndex(ctx, q);
  if (indexed) return indexed;
  const whole = ctx.detached();
  whole.read(['leads']);
  const leads = new TrackerData(whole).leads;
  const byRow = new Map(leads.map(({ row, lead }) => [row, lead]));
  const page = choose(
    leads.map(({ row, lead }) => candidateOfLead(row, lead)),
    q,
  );
  return { ...page, items: page.items.map((c) => byRow.get(c.row)!) };
}
