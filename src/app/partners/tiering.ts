/**
 * Automatic tiering, a daily job (when Settings > Automatic Tiering is TRUE): each partner's tier by
 * Settings > Tier Rules (domain/partners/decide-tier.ts): promoted at once, moved down only at the
 * first run of a review period (Settings > Tier Review) and after Settings > Tier Grace Days; a
 * partner with Tier Locked keeps its tier. Each change is written with a line in Partners > Tier
 * History saying why (both cells audited), in ONE commit; when Settings > Notifications On, the
 * e-mails to the partners' contacts are queued in the partner outbox in that same commit (so a run
 * that dies after it still owes them, and one that dies before it owes nothing), then sent within the
 * mail quota; the rest waits for the hourly partner mail job. At most TIER_CHANGES_PER_RUN changes
 * per execution: the rest in the day's next hourly runs.
 */
import { decideTier, type TierChange } from '../../domain/partners/decide-tier';
import {
  reviewPeriodOf,
  tierChangeEmail,
  tierHistoryLine,
  withTierHistoryLine,
} from '../../domain/partners/tier-email';
import type { WonDeal } from '../../domain/partners/tier-progress';
import { LEAD_STATUS } from '../../shared/statuses';
import { deliverOutbox, readOutbox, writeOutbox } from '../../sheets/partner-outbox';
import type { AppContext } from '../context';
import { leadsThroughMemo, reportingConversion, readDashboardInputs } from '../dashboard/inputs';
import { hasForged } from '../../sheets/shadow-seals';
import { text } from '../leads/cells';
import { shadowField } from '../../domain/audit/shadow-field';
import { cachedSettings } from '../../sheets/settings-reader';
import type { TrackerDocument } from '../../sheets/document';

export const TIERING_PROPERTY = 'tracker.tiering';

/**
 * Tier changes one execution writes at most (the Partners cells, their shadow and audit, the e-mails
 * queued: one commit whose journal, with the last one's and the e-mails waiting for the mail quota,
 * stays within the document properties' budget, at 500 partners); the rest in the day's next
 * hourly runs (the job continues). A continued run decides again from what is then written: a partner
 * already changed has the tier the rules give it and is not changed twice.
 */
export const TIER_CHANGES_PER_RUN = 50;

export interface TieringReport {
  skipped?: string;
  changes: Array<{ partnerId: string } & TierChange>;
  problems: string[];
  emailed: number;
  notEmailed: number;
  /** Updates the partner outbox could not keep (past its room: partner-outbox.ts writeOutbox). */
  notKept?: number;
  /** More changes wait for the day's next hourly run (the job continues there). */
  continueFrom?: string;
}

const isOn = (value: unknown) => value === true || String(value).trim().toUpperCase() === 'TRUE';

/** Whether Automatic Tiering is on, as the settings stored in the document properties say. */
export function tieringOn(doc: TrackerDocument): boolean {
  const settings = cachedSettings(doc);
  return settings ? isOn(settings.values.automaticTiering) : true;
}

export function runTiering(ctx: AppContext): TieringReport {
  const report: TieringReport = { changes: [], problems: [], emailed: 0, notEmailed: 0 };
  const settings = ctx.settings();
  if (!isOn(settings.values.automaticTiering)) return { ...report, skipped: 'Automatic Tiering is off' };
  // The leads as the dashboard reads them, through its memo (only the chunks changed since it was
  // made are seal-checked and decoded), in a context of the job's own; without a memo that serves,
  // only the won leads are read as records (by their raw shadow text); the whole table when the
  // shadow cannot serve (a forged row) or Leads is open.
  const own = ctx.isOpen('leads') ? null : ctx.detached();
  const memoised = own ? leadsThroughMemo(own, (l) => l.status === LEAD_STATUS.Won) : null;
  const won =
    own && !memoised && !hasForged(ctx.doc, 'leads')
      ? own.readSome('leads', (cells) => (i) => shadowField(cells[i], 'status').trim() === LEAD_STATUS.Won)
      : null;
  const inputs = readDashboardInputs(ctx, {
    lines: false,
    ...(memoised ? { leadRows: memoised } : won ? { leads: won } : {}),
  });
  const currency = inputs.reportingCurrency;
  const { rules, problems } = inputs.tierRules(currency);
  report.problems = problems;
  if (!rules.length) return { ...report, skipped: 'no Tier Rules' };

  const review = reviewPeriodOf(inputs.today, String(settings.values.tierReview ?? 'Quarterly'));
  const last = ctx.doc.property(TIERING_PROPERTY);
  const reviewDue = last !== null && last !== review;
  const grace = Number(settings.values.tierGraceDays);
  const graceDays = Number.isInteger(grace) && grace >= 0 ? grace : 30;

  const convert = reportingConversion(currency, inputs.rates, inputs.reportingCurrency);
  const deals = new Map<string, WonDeal[]>();
  for (const l of inputs.leads) {
    if (l.status !== LEAD_STATUS.Won || l.closedOn === '') continue;
    const value = convert(l.dealMinor ?? 0, l.currency, l.closedOn);
    if (value === null) continue;
    let list = deals.get(l.partnerId);
    if (!list) deals.set(l.partnerId, (list = []));
    list.push({ closedOn: l.closedOn, valueMinor: value });
  }

  const table = ctx.table('partners');
  const mails: Array<ReturnType<typeof tierChangeEmail>> = [];
  let more = false;
  for (const { row, record } of table.rows()) {
    const id = text(record.partnerId).trim();
    if (!id) continue;
    const change = decideTier({
      rules,
      current: text(record.tier).trim(),
      locked: inputs.locked.has(id),
      deals: deals.get(id) ?? [],
      today: inputs.today,
      reviewDue,
      graceDays,
      currency,
    });
    if (!change) continue;
    if (report.changes.length >= TIER_CHANGES_PER_RUN) {
      more = true;
      break;
    }
    const history = text(record.tierHistory).trim();
    table.update(row, {
      tier: change.to,
      tierHistory: withTierHistoryLine(history, tierHistoryLine(inputs.today, change)),
    });
    report.changes.push({ partnerId: id, ...change });
    const email = text(record.contactEmail).trim();
    if (email)
      mails.push(
        tierChangeEmail(
          {
            partnerName: text(record.partnerName),
            contactName: text(record.contactName),
            contactEmail: email,
          },
          change,
        ),
      );
  }
  // The review period is marked done once every change it brings is written (a continued run must
  // still see the review due).
  if (!more) ctx.doc.setProperty(TIERING_PROPERTY, review);
  // The e-mails go into the partner outbox in the SAME commit as the tier changes they announce, then
  // out within the quota; what does not fit waits for the hourly partner mail job.
  const notify = settings.values.notificationsOn !== false && mails.length > 0;
  const notKept = notify ? writeOutbox(ctx.doc, [...readOutbox(ctx.doc), ...mails]) : 0;
  if (report.changes.length) ctx.commit();
  else ctx.doc.save();

  if (notify) {
    const delivered = deliverOutbox(ctx.doc);
    ctx.doc.save();
    report.emailed = Math.min(delivered.sent, mails.length);
    report.notEmailed = mails.length - report.emailed;
    if (notKept + delivered.notKept) report.notKept = notKept + delivered.notKept;
  }
  return more ? { ...report, continueFrom: `${report.changes.length} changed` } : report;
}
