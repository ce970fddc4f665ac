/**
 * The team's side of partner access: a partner's links (their view file, their registration link),
 * rotating a registration link, and refreshing the views now (the owner's; the hourly run does it
 * otherwise). A partner's links carry their secret: only the owner and the Team may ask for them.
 */
import type { AuditEntry } from '../../domain/audit/entry';
import { partnerMessages } from '../../domain/partners';
import type { PartnerLinks } from '../../shared/api';
import { ownerEmail, sameEmail } from '../../sheets/team';
import { fileUrl } from '../../sheets/partner-files';
import { emptyEntry, queueViewState, readViewEntries, readViewsMeta } from '../../sheets/view-state';
import type { AppContext } from '../context';
import { fail } from '../user-error';
import { partnerRows } from './records';
import { ensureLinkKey, registrationLinkOf } from './links';
import { refreshPartnerViews, type ViewsReport } from './views';
import { sendStatementsNow as statementsNow, type StatementsReport } from './statements';

export const accessMessages = {
  noId: () => 'Partner ID: choose a partner.',
  ownersOnly: (owner: string) =>
    `The partners' files are made and kept by the spreadsheet's owner${owner ? ` (${owner})` : ''}: ask them (the hourly run does it anyway).`,
} as const;

/** The partners' files are the owner's (drive.file reaches a file for the account that made it). */
function assertFilesOwner(ctx: AppContext): void {
  const owner = ownerEmail(ctx.doc);
  if (!sameEmail(ctx.actor.email, owner)) fail(accessMessages.ownersOnly(owner));
}

function partnerIdOf(ctx: AppContext, partnerId: unknown): string {
  const id = String(partnerId ?? '').trim();
  if (!id) fail(accessMessages.noId());
  ctx.read(['partners']);
  const found = partnerRows(ctx.table('partners').rows(), ctx.doc.days()).some((r) => r.partner.id === id);
  if (!found) fail(partnerMessages.unknownPartner(id));
  return id;
}

/** `{viewUrl, formUrl}` of a partner ('' for what does not exist yet). Team only. */
export function getPartnerLinks(ctx: AppContext, partnerId: unknown): PartnerLinks {
  ctx.authorize();
  const id = partnerIdOf(ctx, partnerId);
  const entry = readViewEntries(ctx.doc, readViewsMeta(ctx.doc)).get(id);
  return { viewUrl: entry?.f ? fileUrl(entry.f) : '', formUrl: registrationLinkOf(ctx.doc, id) };
}

/**
 * A new registration link for the partner: the old one is refused from now on (its submissions are
 * recorded as refused). Audited; the partner's view shows the new link at the next refresh.
 */
export function rotatePartnerLink(ctx: AppContext, partnerId: unknown): PartnerLinks {
  ctx.authorize();
  const id = partnerIdOf(ctx, partnerId);
  ensureLinkKey(ctx.doc);
  const meta = readViewsMeta(ctx.doc);
  const entries = readViewEntries(ctx.doc, meta);
  const entry = entries.get(id) ?? emptyEntry();
  const before = entry.k ?? 0;
  entry.k = before + 1;
  entries.set(id, entry);
  queueViewState(ctx.doc, meta, entries);
  const audit: AuditEntry = {
    timestamp: ctx.now.toISOString(),
    user: ctx.actor.email,
    source: ctx.source,
    sheet: 'Partners',
    recordId: id,
    field: 'Registration Link',
    cell: '',
    oldValue: `link ${before + 1}`,
    newValue: `link ${before + 2}`,
  };
  ctx.commit([audit]);
  return { viewUrl: entry.f ? fileUrl(entry.f) : '', formUrl: registrationLinkOf(ctx.doc, id, entry.k) };
}

/** Sends the statements of the month so far now (the owner's). */
export function sendStatementsNow(ctx: AppContext): StatementsReport {
  assertFilesOwner(ctx);
  return statementsNow(ctx);
}

/** Refreshes every partner's view now (the owner's: the files are theirs). */
export function refreshPartnerViewsNow(ctx: AppContext): ViewsReport {
  assertFilesOwner(ctx);
  ensureLinkKey(ctx.doc);
  return refreshPartnerViews(ctx, undefined, { force: true });
}
