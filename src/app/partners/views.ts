/**
 * The partners' own views, kept by the hourly run (`PARTNER_VIEWS_JOB`): one view-only spreadsheet
 * per partner, holding that partner's rows only (domain/partners/view.ts), shared as viewer with the
 * partner's contact e-mail and additional contacts.
 *
 * - Nothing changed (the audit tail is the one the last complete refresh saw, and no file is owed):
 *   nothing is read, no call is made. Every change of the tracker is audited, so the tail moves
 *   with any change a view could show.
 * - Otherwise the tables are read once (from the shadow), every partner's view is built in memory and
 *   fingerprinted, and only the files whose fingerprint changed are written (one call each).
 * - Files are made by the trigger's account (the owner) only: under drive.file only the account that
 *   made a file can reach it again. At most `VIEW_FILES_PER_RUN` a run and `VIEW_FILES_PER_DAY` a day (Google: 250 spreadsheets a
 *   day on a consumer account, and the owner makes others); the rest wait for the next day, in
 *   Partner ID order, nothing lost. A file whose creation Google refuses for its quota stops the
 *   creations for the day.
 * - A run that dies after making a file and before storing its id finds it the next time by its
 *   appProperties (sheets/partner-files.ts): a retry never makes a second file.
 */
import type { Partner, ViewsReport } from '../../shared/api';
import { PARTNER_STATUS } from '../../shared/statuses';
import { planView, viewContacts } from '../../domain/partners/view-plan';
import {
  emptyView,
  makeRedactor,
  partnerView,
  viewFingerprint,
  type PartnerView,
  type ViewLead,
} from '../../domain/partners/view';
import type { LedgerLine } from '../../domain/commissions';
import type { PayoutRecord } from '../../domain/payouts';
import { AUDIT_TAIL_PROPERTY } from '../../sheets/audit-sheet';
import {
  createViewFile,
  fileUrl,
  findViewFiles,
  shareView,
  trackerIdentity,
  unshareView,
  viewGrid,
  writeView,
  type ViewFileRef,
} from '../../sheets/partner-files';
import {
  emptyEntry,
  queueViewState,
  readViewEntries,
  readViewsMeta,
  type ViewEntry,
  type ViewsMeta,
} from '../../sheets/view-state';
import type { AppContext } from '../context';
import { deliverOutbox } from '../../sheets/partner-outbox';
import { sendWelcomes, welcomesOwed } from './welcome-mail';
import type { JobStep } from '../triggers/daily-job';
import { leadRows } from '../leads/records';
import { readLedger } from '../commissions/ledger-table';
import { readPayouts } from '../payouts/payout-table';
import { partnerRows, type PartnerRow } from './records';
import { readViewSources } from './view-sources';
import { textsDigest } from '../../domain/partners/view-digest';
import { ensureLinkSecrets, knownSecrets, LEGACY_LINK_KEY_PROPERTY, registrationLink } from './links';
import { ensureForm } from './form-intake';
import { readFormState } from '../../sheets/form-state';
import { readDashboardInputs, reportingCurrencyOf } from '../dashboard/inputs';
import { partnerTierProgress } from '../dashboard/figures';
import { partnerViewsDue } from './views-due';

/** Files made a day: below Google's 250 a day on a consumer account, leaving the owner room. */
export const VIEW_FILES_PER_DAY = 200;
/** Files made a run (each about 3 requests and a full write): the day's spread over hourly runs. */
export const VIEW_FILES_PER_RUN = 50;
/**
 * Rows (Leads, Commissions, Payouts) of the partners whose views a run re-renders, at most: each
 * row is parsed, checked and rendered, so a run stays within the hourly run's script CPU; the other
 * changed partners wait for the next hourly run (nothing lost: their digests still differ).
 */
export const VIEW_ROWS_PER_RUN = 10_000;

export type { ViewsReport };

interface ProgramData {
  program: string;
  trackerId: string;
  partners: Array<{ partner: Partner; contacts: string[] }>;
  views: Map<string, PartnerView>;
}

function group<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/**
 * The registration secrets of these partners (id -> secret): by default those the owner keeps whose
 * hash is the stored one (nothing is made); the refresh passes `ensureLinkSecrets`.
 */
export type SecretsOf = (trackerId: string, partnerIds: readonly string[]) => ReadonlyMap<string, string>;

/**
 * Which views to build from what (the incremental refresh): the partners `ids` only, their rows read
 * into `tables` (the job's own context, view-sources.ts), `owner` naming the owner of every id.
 */
export interface ViewScope {
  ids: ReadonlySet<string>;
  tables: AppContext;
  owner: ReadonlyMap<string, string>;
}

/**
 * Every partner's view (or the partners of `scope`'s), built in memory from one read of each table.
 * `partners` lists every partner either way.
 */
export function buildViews(ctx: AppContext, secretsOf?: SecretsOf, scope?: ViewScope): ProgramData {
  const src = scope?.tables ?? ctx;
  ctx.read(scope ? ['partners'] : ['partners', 'leads', 'commissions', 'payouts']);
  const days = ctx.doc.days();
  const partnerTable = ctx.table('partners');
  const partners = partnerRows(partnerTable.rows(), days);
  const additional = new Map(
    partnerTable
      .rows()
      .map(({ record }) => [String(record.partnerId ?? '').trim(), String(record.additionalContacts ?? '')]),
  );
  const leads: ViewLead[] = leadRows(src.table('leads').rows(), days).map((r) => r.lead);
  const lines: LedgerLine[] = readLedger(src.table('commissions'), days).map((r) => r.line);
  const payouts: PayoutRecord[] = readPayouts(src.table('payouts'), days).map((r) => r.payout);
  const owner = new Map<string, string>(scope?.owner ?? []);
  for (const { partner } of partners) owner.set(partner.id, partner.id);
  for (const l of leads) owner.set(l.id, l.partnerId);
  for (const l of lines) owner.set(l.id, l.partnerId);
  for (const p of payouts) owner.set(p.id, p.partnerId);
  const redact = makeRedactor(
    partners.map(({ partner }) => ({ id: partner.id, name: partner.partnerName })),
    owner,
  );
  const byLeads = group(leads, (l) => l.partnerId);
  const byLines = group(lines, (l) => l.partnerId);
  const byPayouts = group(payouts, (p) => p.partnerId);
  // Progress to the next tier: the tier rules' own function, on the tables already read.
  const tierInputs = readDashboardInputs(ctx, { lines: false, ...(scope && { leads: src.table('leads') }) });
  const currency = tierInputs.reportingCurrency;
  const hasRules = tierInputs.tierRules(currency).rules.length > 0;
  const tierLeads = group(tierInputs.leads, (l) => l.partnerId);
  const { id: trackerId, name: program } = trackerIdentity(ctx.doc);
  const form = readFormState(ctx.doc);
  const ids = partners.map(({ partner }) => partner.id).filter((id) => !scope || scope.ids.has(id));
  const secrets = !ids.length
    ? new Map<string, string>()
    : secretsOf
      ? secretsOf(trackerId, ids)
      : knownSecrets(trackerId, readViewEntries(ctx.doc, readViewsMeta(ctx.doc)));
  const views = new Map<string, PartnerView>();
  const out: ProgramData['partners'] = [];
  for (const { partner } of partners) {
    out.push({ partner, contacts: viewContacts(partner.contactEmail, additional.get(partner.id) ?? '') });
    if (scope && !scope.ids.has(partner.id)) continue;
    views.set(
      partner.id,
      partnerView({
        program,
        partner: { id: partner.id, name: partner.partnerName, tier: partner.tier, status: partner.status },
        leads: byLeads.get(partner.id) ?? [],
        lines: byLines.get(partner.id) ?? [],
        payouts: byPayouts.get(partner.id) ?? [],
        progress: hasRules
          ? partnerTierProgress(tierInputs, partner, currency, tierLeads.get(partner.id) ?? [])
          : null,
        formUrl: registrationLink(form, secrets.get(partner.id)),
        redact: (text) => redact(partner.id, text),
      }),
    );
  }
  return { program, trackerId, partners: out, views };
}

/** What the refresh re-renders this run (viewChanges). */
interface ViewChanges {
  scope: ViewScope;
  /** Digest of what every view shares. */
  common: string;
  /** Digest of a partner's own rows, record and link. */
  digestOf(partnerId: string, entry: ViewEntry): string;
  /** Partners changed and left for the next run (their rows over this run's share, or files owed). */
  left: number;
}

/**
 * The partners whose views are re-rendered this run: those whose own rows, record or link changed
 * since their view was written first, then those for which only what every view shares changed
 * (the program's name, form, settings, the partners' names, and the day when tier rules show
 * progress); at most VIEW_ROWS_PER_RUN rows of theirs (at least one partner), and only as many files
 * to make as today's quota allows, unless the owner asked (`force`, `only`). Their rows are read
 * into a context of the job's own. Null when the shadow cannot serve: every view is rebuilt from the
 * tables.
 */
function viewChanges(
  ctx: AppContext,
  entries: ReadonlyMap<string, ViewEntry>,
  meta: ViewsMeta,
  today: string,
  options: { force?: boolean; only?: string },
): ViewChanges | null {
  const doc = ctx.doc;
  const own = ctx.detached();
  const sources = readViewSources(ctx);
  if (!sources) return null;
  ctx.read(['partners']);
  const rows = ctx.table('partners').rows();
  const partners = partnerRows(rows, doc.days());
  const records = new Map(rows.map(({ record }) => [String(record.partnerId ?? '').trim(), record] as const));
  const settings = ctx.settings();
  const hasRules = ((settings.lists as Record<string, string[] | undefined>).tierRules ?? []).length > 0;
  const common = textsDigest([
    trackerIdentity(doc).name,
    registrationLink(readFormState(doc), '-'),
    // what the views take from Settings: the tier rules' progress (tiers, rules, currencies, rates)
    JSON.stringify([
      settings.lists.tiers,
      (settings.lists as Record<string, string[] | undefined>).tierRules ?? [],
      reportingCurrencyOf(settings.values),
      settings.rates,
    ]),
    partners.map(({ partner }) => `${partner.id}\t${partner.partnerName}`).join('\n'),
    hasRules ? today : '',
  ]);
  const digestOf = (partnerId: string, entry: ViewEntry): string =>
    sources.digests.of(
      partnerId,
      `${JSON.stringify(records.get(partnerId) ?? null)}\n${entry.s ?? ''}\n${entry.k ?? ''}`,
    );
  const ownChanged: PartnerRow[] = [];
  const commonChanged: PartnerRow[] = [];
  for (const row of partners) {
    if (options.only !== undefined && row.partner.id !== options.only) continue;
    const entry = entries.get(row.partner.id) ?? emptyEntry();
    if (entry.d !== digestOf(row.partner.id, entry)) ownChanged.push(row);
    else if (entry.c !== common) commonChanged.push(row);
  }
  const bounded = !options.force && options.only === undefined;
  let files =
    meta.refused === today ? 0 : Math.max(0, Math.min(VIEW_FILES_PER_RUN, VIEW_FILES_PER_DAY - meta.made));
  const ids = new Set<string>();
  let taken = 0;
  let left = 0;
  for (const { partner } of [...ownChanged, ...commonChanged]) {
    const entry = entries.get(partner.id) ?? emptyEntry();
    const contacts = viewContacts(
      partner.contactEmail,
      String(records.get(partner.id)?.additionalContacts ?? ''),
    );
    const makesFile = !entry.f && partner.status !== PARTNER_STATUS.Terminated && contacts.length > 0;
    const weight = sources.weight(partner.id);
    if ((makesFile && files <= 0) || (bounded && ids.size > 0 && taken + weight > VIEW_ROWS_PER_RUN)) {
      left++;
      continue;
    }
    if (makesFile) files--;
    ids.add(partner.id);
    taken += weight;
  }
  if (!sources.open(own, ids)) return null;
  return { scope: { ids, tables: own, owner: sources.owner }, common, digestOf, left };
}

function isQuotaError(err: unknown): boolean {
  const text = err instanceof Error ? err.message : String(err);
  return /too many times|quota|rate ?limit/i.test(text);
}

/** One refresh of every partner's view (see the file's comment). */
export function refreshPartnerViews(
  ctx: AppContext,
  step: JobStep = { cursor: null, timeLeftMs: () => Number.POSITIVE_INFINITY },
  /** `force`: even when nothing changed; `only`: this partner's file alone (the rest as they are). */
  options: { force?: boolean; only?: string } = {},
): ViewsReport {
  const doc = ctx.doc;
  const report: ViewsReport = {
    idle: false,
    created: 0,
    written: 0,
    closed: 0,
    shared: 0,
    unshared: 0,
    waiting: 0,
    errors: [],
  };
  const meta: ViewsMeta = readViewsMeta(doc);
  const tail = doc.property(AUDIT_TAIL_PROPERTY) ?? '';
  if (!options.force && !options.only && !partnerViewsDue(doc, meta)) return { ...report, idle: true };
  const entries = readViewEntries(doc, meta);
  try {
    // The program's registration form first: the views show each partner's link to it.
    ensureForm(ctx);
  } catch (err) {
    report.errors.push(`registration form: ${err instanceof Error ? err.message : String(err)}`);
  }
  // Links of an earlier version were derived from a key: no longer accepted, the key is cleared.
  if (doc.property(LEGACY_LINK_KEY_PROPERTY)) doc.setProperty(LEGACY_LINK_KEY_PROPERTY, '');
  const today = ctx.now.toISOString().slice(0, 10);
  if (meta.day !== today) {
    meta.day = today;
    meta.made = 0;
  }
  const secretsOf: SecretsOf = (trackerId, ids) => ensureLinkSecrets(trackerId, entries, ids, emptyEntry);
  // Only the partners whose rows (or what every view shares) changed since their view was written
  // are re-rendered, at most VIEW_ROWS_PER_RUN of their rows a run (the rest: the next hourly run).
  const changes = viewChanges(ctx, entries, meta, today, options);
  let pending = (changes?.left ?? 0) > 0;
  report.waiting += changes?.left ?? 0;
  const data = changes ? buildViews(ctx, secretsOf, changes.scope) : buildViews(ctx, secretsOf);
  // A view done (written, or nothing to do): the digests of what it was made of, kept with it.
  const settled = (partnerId: string, entry: ViewEntry): void => {
    if (!changes) return;
    entry.d = changes.digestOf(partnerId, entry);
    entry.c = changes.common;
    entries.set(partnerId, entry);
  };
  let found: Map<string, ViewFileRef[]> | null = null;
  const orphanOf = (partnerId: string, generation: number): ViewFileRef | undefined => {
    found ??= new Map([...groupRefs(findViewFiles(data.trackerId))]);
    return found.get(partnerId)?.find((r) => r.generation === generation);
  };
  for (const { partner, contacts } of data.partners) {
    if (options.only !== undefined && partner.id !== options.only) continue;
    const entry: ViewEntry = entries.get(partner.id) ?? emptyEntry();
    const view = data.views.get(partner.id);
    if (!view) continue;
    const fingerprint = viewFingerprint(view);
    const plan = planView(
      { fileId: entry.f, fingerprint: entry.h, sharedWith: Object.keys(entry.v) },
      partner.status,
      contacts,
      fingerprint,
    );
    const busy = plan.close || plan.create || plan.write || plan.share.length > 0;
    if (!busy) {
      settled(partner.id, entry);
      continue;
    }
    if (step.timeLeftMs() <= 0) {
      pending = true;
      report.waiting++;
      continue;
    }
    try {
      if (plan.close) {
        closeFile(entry, report);
        entries.set(partner.id, entry);
      }
      if (partner.status === PARTNER_STATUS.Terminated || !contacts.length) {
        settled(partner.id, entry);
        continue;
      }
      if (plan.create) {
        const orphan = orphanOf(partner.id, entry.n);
        if (orphan) {
          // Made today by a run that died before storing it: counted, and taken up.
          meta.made++;
          entry.f = orphan.id;
          entry.g =
            viewGrid(
              orphan.id,
              view.sheets.map((s) => s.title),
            ) ?? [];
        } else {
          if (
            meta.made >= VIEW_FILES_PER_DAY ||
            meta.refused === today ||
            report.created >= VIEW_FILES_PER_RUN
          ) {
            pending = true;
            report.waiting++;
            continue;
          }
          try {
            entry.f = createViewFile(
              `${data.program} - ${partner.partnerName}`,
              data.trackerId,
              partner.id,
              entry.n,
            );
          } catch (err) {
            if (!isQuotaError(err)) throw err;
            meta.refused = today;
            pending = true;
            report.waiting++;
            continue;
          }
          entry.g = [];
          meta.made++;
          report.created++;
        }
        entry.h = '';
        entries.set(partner.id, entry);
      }
      if (entry.h !== fingerprint) {
        entry.g = writeView(entry.f, view, entry.g.length ? entry.g : null);
        entry.h = fingerprint;
        report.written++;
      }
      for (const email of contacts) {
        if (entry.v[email] !== undefined) continue;
        entry.v[email] = shareView(entry.f, email);
        report.shared++;
        // Drive sends no e-mail (sendNotificationEmail false): the tracker tells them, within quota.
        (entry.w ??= []).push(email);
      }
      entries.set(partner.id, entry);
      settled(partner.id, entry);
    } catch (err) {
      pending = true;
      report.errors.push(`${partner.id}: ${err instanceof Error ? err.message : String(err)}`);
      if (isQuotaError(err)) break;
    }
  }
  if (options.only === undefined) {
    meta.pending = pending;
    meta.tail = tail;
  } else meta.pending ||= pending;
  if (welcomesOwed(entries)) {
    // older messages first, then the welcomes, within today's quota; the rest wait in `w`
    const names = new Map(data.partners.map(({ partner }) => [partner.id, partner.partnerName]));
    report.mailed = deliverOutbox(doc).sent + sendWelcomes(entries, data.program, names, doc);
  }
  queueViewState(doc, meta, entries);
  doc.save();
  return report;
}

/** Empties a file and removes everyone's access; its successor gets the next generation. */
function closeFile(entry: ViewEntry, report: ViewsReport): void {
  const grid = entry.g.length
    ? entry.g
    : viewGrid(
        entry.f,
        emptyView().sheets.map((s) => s.title),
      );
  if (grid) writeView(entry.f, emptyView(), grid);
  for (const [email, permission] of Object.entries(entry.v)) {
    unshareView(entry.f, email, permission);
    report.unshared++;
  }
  report.closed++;
  entry.f = '';
  entry.h = '';
  entry.v = {};
  entry.g = [];
  entry.n++;
}

function groupRefs(refs: readonly ViewFileRef[]): Map<string, ViewFileRef[]> {
  return group(refs, (r) => r.partnerId);
}

/** The address of a partner's view file, or '' when it has none yet. */
export function viewUrlOf(ctx: AppContext, partnerId: string): string {
  const meta = readViewsMeta(ctx.doc);
  const entry = readViewEntries(ctx.doc, meta).get(partnerId);
  return entry?.f ? fileUrl(entry.f) : '';
}
