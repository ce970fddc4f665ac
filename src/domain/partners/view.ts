/**
 * A partner's own view: the four sheets of the view-only spreadsheet the add-on keeps for each
 * partner (Summary, My leads, My commissions, My payouts), built from that partner's rows only, and
 * its fingerprint (the refresh writes a file only when it changed).
 *
 * Nothing of another partner may reach it: the rows are the caller's grouping by Partner ID, and
 * `partnerView` drops any row whose Partner ID is not this partner's (a second guard). A conflict is
 * "overlaps another registration", never the other lead or partner; a Decision Note that names
 * another partner (its name or ID) or another partner's lead has those words replaced.
 */
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex } from '@noble/hashes/utils';
import { utf8Bytes } from '../audit/utf8';
import type { LedgerLine } from '../commissions';
import type { PayoutRecord } from '../payouts';
import { toMajor } from '../money/to-major';
import { formatMoney } from '../money/format';
import { toMinor } from '../money/parse';
import { COMMISSION_STATUS, LEAD_STATUS, LEAD_STATUSES } from '../../shared/statuses';
import type { TierProgressView } from '../../shared/dashboard';

export type ViewCell = string | number;

export interface ViewSheet {
  readonly title: string;
  readonly rows: readonly (readonly ViewCell[])[];
}

export interface PartnerView {
  readonly sheets: readonly ViewSheet[];
}

/** The lead fields a view shows (the tracker's Lead, or the part of it a view needs). */
export interface ViewLead {
  readonly id: string;
  readonly partnerId: string;
  readonly company: string;
  readonly status: string;
  readonly registeredOn: string;
  readonly expiresOn: string;
  readonly decisionNote: string;
  readonly closedOn: string;
  readonly dealValue: number | null;
  readonly currency: string;
  readonly conflict: string;
}

/** Progress to the next tier, as domain/partners/tier-progress.ts reports it. */
export type TierProgress = Pick<TierProgressView, 'tier' | 'nextTier' | 'progress' | 'missing' | 'forecast'>;

/** The Summary's "Progress to the next tier": "40% of the way to Gold. 600.00 USD ... away ...". */
export function progressText(p: TierProgress): string {
  const share = p.nextTier ? `${Math.floor(p.progress * 100)}% of the way to ${p.nextTier}. ` : '';
  return `${share}${p.missing}${p.forecast ? ` ${p.forecast}` : ''}`;
}

export interface ViewInput {
  readonly program: string;
  readonly partner: {
    readonly id: string;
    readonly name: string;
    readonly tier: string;
    readonly status: string;
  };
  readonly leads: readonly ViewLead[];
  readonly lines: readonly LedgerLine[];
  readonly payouts: readonly PayoutRecord[];
  readonly progress: TierProgress | null;
  /** The partner's registration link (its form with their secret), or '' when there is none yet. */
  readonly formUrl: string;
  /** Words of other partners a free-text field must not show (names, partner and lead ids). */
  readonly redact: (text: string) => string;
}

export const VIEW_SHEETS = ['Summary', 'My leads', 'My commissions', 'My payouts'] as const;

export const viewText = {
  overlap: 'overlaps another registration',
  redacted: '(another partner)',
  howTo: (url: string) =>
    url
      ? `Register a lead with your own link (no Google sign-in needed): ${url}`
      : 'Your registration link is on its way: ask your partner manager.',
} as const;

export const LEAD_HEADERS = [
  'Lead ID',
  'Company',
  'Status',
  'Registered On',
  'Protected Until',
  'Decision Note',
  'Closed On',
  'Deal Value',
  'Currency',
  'Conflict',
] as const;
export const COMMISSION_HEADERS = [
  'Line',
  'Lead',
  'Kind',
  'Amount',
  'Currency',
  'Status',
  'Eligible On',
  'Payout',
] as const;
export const PAYOUT_HEADERS = ['Payout', 'Amount', 'Currency', 'Status', 'Paid On', 'Reference'] as const;

function byCurrency(entries: ReadonlyArray<{ currency: string; minor: number }>): string {
  const totals = new Map<string, number>();
  for (const { currency, minor } of entries) totals.set(currency, (totals.get(currency) ?? 0) + minor);
  const parts = [...totals.entries()]
    .filter(([, minor]) => minor !== 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, minor]) => formatMoney(minor, currency));
  return parts.length ? parts.join('; ') : '0';
}

function major(minor: number, currency: string): ViewCell {
  try {
    return toMajor(minor, currency);
  } catch {
    return '';
  }
}

/** The four sheets of `input.partner`'s view. */
export function partnerView(input: ViewInput): PartnerView {
  const own = input.partner.id;
  const leads = input.leads.filter((l) => l.partnerId === own);
  const lines = input.lines.filter((l) => l.partnerId === own);
  const payouts = input.payouts.filter((p) => p.partnerId === own);
  const counts = LEAD_STATUSES.map((s) => `${s} ${leads.filter((l) => l.status === s).length}`).join(', ');
  const earned = lines.filter((l) => l.status !== COMMISSION_STATUS.Void && l.status !== '');
  const paid = payouts.filter((p) => p.paidOn !== '');
  const summary: ViewCell[][] = [
    ['Program', input.program],
    ['Partner', input.partner.name],
    ['Partner ID', own],
    ['Status', input.partner.status],
    ['Tier', input.progress?.tier ?? input.partner.tier],
    ['Progress to the next tier', input.progress ? progressText(input.progress) : ''],
    ['Leads', counts],
    ['Won deal value', byCurrency(leads.filter((l) => l.status === LEAD_STATUS.Won).map(wonValue))],
    ['Commissions earned', byCurrency(earned.map((l) => ({ currency: l.currency, minor: l.amountMinor })))],
    ['Payouts paid', byCurrency(paid.map((p) => ({ currency: p.currency, minor: p.amountMinor })))],
    ['How to register a lead', viewText.howTo(input.formUrl)],
  ];
  const leadRows = leads.map((l) => [
    l.id,
    l.company,
    l.status,
    l.registeredOn,
    l.status === LEAD_STATUS.Approved ? l.expiresOn : '',
    input.redact(l.decisionNote),
    l.closedOn,
    l.dealValue ?? '',
    l.currency,
    l.conflict ? viewText.overlap : '',
  ]);
  const lineRows = lines.map((l) => [
    l.id,
    l.leadId,
    l.kind,
    major(l.amountMinor, l.currency),
    l.currency,
    l.status,
    l.eligibleOn,
    l.payoutId,
  ]);
  const payoutRows = payouts.map((p) => [
    p.id,
    major(p.amountMinor, p.currency),
    p.currency,
    p.status,
    p.paidOn,
    input.redact(p.reference),
  ]);
  return {
    sheets: [
      { title: VIEW_SHEETS[0], rows: summary },
      { title: VIEW_SHEETS[1], rows: [[...LEAD_HEADERS], ...leadRows] },
      { title: VIEW_SHEETS[2], rows: [[...COMMISSION_HEADERS], ...lineRows] },
      { title: VIEW_SHEETS[3], rows: [[...PAYOUT_HEADERS], ...payoutRows] },
    ],
  };
}

function wonValue(l: ViewLead): { currency: string; minor: number } {
  // Deal values are major units in cells; totals are kept exact in minor units of the currency.
  try {
    return { currency: l.currency, minor: l.dealValue === null ? 0 : toMinor(l.dealValue, l.currency) };
  } catch {
    return { currency: l.currency, minor: 0 };
  }
}

/** The view with nothing in it: what a Terminated partner's file, or a replaced one, is left holding. */
export function emptyView(): PartnerView {
  return { sheets: VIEW_SHEETS.map((title) => ({ title, rows: [] })) };
}

/** A short fingerprint of a view's content: a refresh writes a file only when it changed. */
export function viewFingerprint(view: PartnerView): string {
  return bytesToHex(sha256(utf8Bytes(JSON.stringify(view.sheets)))).slice(0, 24);
}

/**
 * A redactor of other partners' words for free text (a Decision Note, a payout Reference): their
 * names (whole, case-insensitive) and any tracker id (P-0001, L-000001, ...) that belongs to another
 * partner, replaced by "(another partner)". Built once for the whole program; `own` is the partner
 * whose view the text is for.
 */
export function makeRedactor(
  partners: ReadonlyArray<{ id: string; name: string }>,
  /** Owner (Partner ID) of every id a text might name: partners' own ids and their leads', lines', payouts'. */
  ownerOfId: Pick<ReadonlyMap<string, string>, 'get'>,
): (own: string, text: string) => string {
  const ownerOfName = new Map<string, string>();
  for (const p of partners) {
    const name = p.name.trim().toLowerCase();
    if (name.length >= 3)
      ownerOfName.set(name, ownerOfName.has(name) && ownerOfName.get(name) !== p.id ? '' : p.id);
  }
  const names = [...ownerOfName.keys()]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const namePattern = names.length ? new RegExp(names.join('|'), 'gi') : null;
  const idPattern = /\b[A-Z]{1,2}-\d{3,}\b/g;
  return (own, text) => {
    if (!text) return text;
    let out = text.replace(idPattern, (id) => {
      const owner = ownerOfId.get(id);
      return owner !== undefined && owner !== own ? viewText.redacted : id;
    });
    if (namePattern)
      out = out.replace(namePattern, (name) =>
        ownerOfName.get(name.toLowerCase()) === own ? name : viewText.redacted,
      );
    return out;
  };
}
