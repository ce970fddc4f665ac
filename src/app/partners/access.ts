/**
 * The team's side of partner access: a partner's links (their view file, their registration link),
 * rotating a registration link, and refreshing the views now, all of them or one partner's (the
 * owner's; the hourly run does it otherwise). The registration link carries the partner's secret,
 * which only the owner keeps (links.ts): the Team sees the view address, the owner both.
 */
import type { AuditEntry } from '../../domain/audit/entry';
import { partnerMessages } from '../../domain/partners';
import type { PartnerLinks } from '../../shared/api';
import { ownerEmail, sameEmail } from '../../sheets/team';
import { fileUrl } from '../../sheets/partner-files';
import { readFormState } from '../../sheets/form-state';
import { emptyEntry, queueViewState, readViewEntries, readViewsMeta } from '../../sheets/view-state';
import type { AppContext } from '../context';
import { fail } from '../user-error';
import { partnerRows } from './records';
import { knownSecrets, registrationLink, replaceLinkSecret, saveLinkSecret } from './links';
import { refreshPartnerViews, type ViewsReport } from './views';
import { sendStatementsNow as statementsNow, type StatementsReport } from './statements';

export const accessMessages = {
  noId: () => 'Partner ID: choose a partner.',
  ownersOnly: (owner: string) =>
    `The partners' files are made and kept by the spreadsheet's owner${owner ? ` (${owner})` : ''}: ask them (the hourly run does it anyway).`,
  linkOwnersOnly: (owner: string) =>
    `Registration links are kept by the spreadsheet's owner${owner ? ` (${owner})` : ''}: only they can see or replace one.`,
  noForm: () => 'The registration form is not made yet: the next hourly run makes it (or Update view now).',
  waiting: () => "Today's quota of new files is used: this partner's file is made by the next day's runs.",
  notYet: () => "This partner's link is not made yet: the next hourly run makes it (or Update view now).",
} as const;

const isOwner = (ctx: AppContext) => sameEmail(ctx.actor.email, ownerEmail(ctx.doc));

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

/**
 * `{viewUrl, formUrl}` of a partner ('' for what does not exist yet), with `keeper` (the caller keeps
 * the files and links: the owner) and `note` (why the form link is ''). Team only; the form link to
 * the owner only (the secret is in their user properties).
 */
export function getPartnerLinks(ctx: AppContext, partnerId: unknown): PartnerLinks {
  ctx.authorize();
  const id = partnerIdOf(ctx, partnerId);
  const entries = readViewEntries(ctx.doc, readViewsMeta(ctx.doc));
  const entry = entries.get(id);
  const viewUrl = entry?.f ? fileUrl(entry.f) : '';
  if (!isOwner(ctx))
    return { viewUrl, formUrl: '', keeper: false, note: accessMessages.linkOwnersOnly(ownerEmail(ctx.doc)) };
  const form = readFormState(ctx.doc);
  const formUrl = registrationLink(form, knownSecrets(ctx.doc.ss.getId(), entries).get(id));
  const note = formUrl ? '' : !form?.ready ? accessMessages.noForm() : accessMessages.notYet();
  return { viewUrl, formUrl, keeper: true, note };
}

/**
 * A new registration link for the partner (the owner's): a new random secret, its hash stored in
 * place of the old one, so the old link is refused from now on (its submissions are recorded as
 * refused). Audited. The partner's view shows the new link at its next refresh (refreshPartnerView
 * now, or the hourly run). The hash is committed first, then the secret saved for the owner: a run
 * that dies between has rotated the link, and the next refresh gives the partner another.
 */
export function rotatePartnerLink(ctx: AppContext, partnerId: unknown): PartnerLinks {
  ctx.authorize();
  if (!isOwner(ctx)) fail(accessMessages.linkOwnersOnly(ownerEmail(ctx.doc)));
  const id = partnerIdOf(ctx, partnerId);
  const meta = readViewsMeta(ctx.doc);
  const entries = readViewEntries(ctx.doc, meta);
  const entry = entries.get(id) ?? emptyEntry();
  const before = entry.k ?? 0;
  entry.k = before + 1;
  const trackerId = ctx.doc.ss.getId();
  const secret = replaceLinkSecret(entry);
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
  saveLinkSecret(trackerId, id, secret);
  const form = readFormState(ctx.doc);
  const formUrl = registrationLink(form, secret);
  return {
    viewUrl: entry.f ? fileUrl(entry.f) : '',
    formUrl,
    keeper: true,
    note: formUrl ? '' : accessMessages.noForm(),
  };
}

/** Sends the statements of the month so far now (the owner's). */
export function sendStatementsNow(ctx: AppContext): StatementsReport {
  assertFilesOwner(ctx);
  return statementsNow(ctx);
}

/** Refreshes every partner's view now (the owner's: the files are theirs). */
export function refreshPartnerViewsNow(ctx: AppContext): ViewsReport {
  assertFilesOwner(ctx);
  return refreshPartnerViews(ctx, undefined, { force: true });
}

/**
 * Makes or updates one partner's view file now (the owner's): shared with its contacts, showing the
 * current registration link; within the day's file quota (over it, the partner waits, as hourly).
 */
export function refreshPartnerViewNow(ctx: AppContext, partnerId: unknown): PartnerLinks {
  assertFilesOwner(ctx);
  const id = partnerIdOf(ctx, partnerId);
  const report = refreshPartnerViews(ctx, undefined, { only: id });
  const links = getPartnerLinks(ctx, id);
  const problem = report.errors[0] ?? (report.waiting ? accessMessages.waiting() : '');
  return problem ? { ...links, note: [problem, links.note].filter(Boolean).join(' ') } : links;
}
