/**
 * Lead registration without a Google login: ONE Google Form per program (made by the owner's hourly
 * run through the Forms API under drive.file), whose first question carries the partner's secret,
 * pre-filled by the partner's own link (links.ts). A partner is identified by that secret, never by
 * anything they type about themselves.
 *
 * Each hourly run takes in the responses submitted since the last one (one Forms API call; none new:
 * nothing else is read), in submission-time order, through exactly the sidebar's registration rules
 * (Registrar: validation, duplicates, conflicts, the protection window, paused partners), in ONE
 * commit audited with source "form" that also records how far the responses were taken in (each
 * response is taken in once). The partner is told the outcome by e-mail (received, possible overlap,
 * refused and why) without naming any other partner. A response whose secret matches no partner
 * (wrong, or rotated) is refused and recorded in the Audit Log.
 */
import type { AuditEntry } from '../../domain/audit/entry';
import { partnerOfSecret } from '../../domain/partners/link-secret';
import { makeRedactor } from '../../domain/partners/view';
import type { LeadInput, Partner } from '../../shared/api';
import { labels } from '../../shared/schema/labels';
import {
  addQuestions,
  createFormShell,
  entryNumber,
  formQuestions,
  listResponses,
  publishForm,
  type FormAnswerSet,
} from '../../sheets/forms-client';
import { queueFormState, readFormState, type FormState } from '../../sheets/form-state';
import type { OutgoingMail } from '../../sheets/mail';
import { deliverOutbox } from '../../sheets/partner-outbox';
import { trackerIdentity } from '../../sheets/partner-files';
import type { AppContext } from '../context';
import { openForRegistration } from '../leads/register';
import type { DailyJob } from '../triggers/daily-job';
import { partnerOfHash } from './links';
import { readViewEntries, readViewsMeta } from '../../sheets/view-state';

/** The form's questions: the key first (pre-filled), then the sidebar's registration fields. */
export const FORM_QUESTIONS: ReadonlyArray<{
  field: keyof LeadInput | 'key';
  title: string;
  required: boolean;
  paragraph?: boolean;
}> = [
  { field: 'key', title: 'Your partner key (filled in by your link: do not change it)', required: true },
  { field: 'company', title: labels.company, required: true },
  { field: 'domain', title: labels.domain, required: false },
  { field: 'contactName', title: labels.contactName, required: false },
  { field: 'contactEmail', title: labels.contactEmail, required: false },
  { field: 'product', title: labels.product, required: false },
  { field: 'estimatedValue', title: labels.estimatedValue, required: false },
  { field: 'currency', title: labels.currency, required: false },
  { field: 'notes', title: labels.notes, required: false, paragraph: true },
];

export interface FormReport {
  idle: boolean;
  registered: string[];
  refused: number;
  unknownKey: number;
  mailed: number;
  queued: number;
  /** Outcomes the partner outbox could not keep (past its room: partner-outbox.ts writeOutbox). */
  notKept: number;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

function mail(to: string, subject: string, lines: readonly string[]): OutgoingMail {
  return {
    to,
    subject,
    body: lines.join('\n'),
    htmlBody: lines.map((l) => `<p>${escapeHtml(l)}</p>`).join(''),
  };
}

/**
 * Makes the program's form the first time, in steps each recorded before the next (a run that dies
 * continues where it stopped, never adding the questions twice): the empty form (its id stored at
 * once: a run dying between the two calls leaves an empty, unpublished form behind, like the audit
 * archive), its questions (looked up first when a run died after adding them), published.
 */
export function ensureForm(ctx: AppContext): FormState {
  const existing = readFormState(ctx.doc);
  if (existing?.ready !== false && existing) return existing;
  let state = existing;
  if (!state) {
    const { name } = trackerIdentity(ctx.doc);
    const shell = createFormShell(`${name} - register a lead`);
    state = {
      id: shell.formId,
      responderUri: shell.responderUri,
      keyEntry: '',
      questions: {},
      seen: '',
      seenIds: [],
      ready: false,
    };
    queueFormState(ctx.doc, state);
    ctx.doc.commit();
  }
  let found = formQuestions(state.id);
  if (!found.length) {
    const ids = addQuestions(
      state.id,
      'Register a lead with the program. Open this form from your own link: it fills in your partner key.',
      FORM_QUESTIONS,
    );
    found = FORM_QUESTIONS.map((q, i) => ({ title: q.title, questionId: ids[i] }));
  }
  publishForm(state.id);
  const questions: Record<string, string> = {};
  for (const q of FORM_QUESTIONS)
    questions[q.field] = found.find((f) => f.title === q.title)?.questionId ?? '';
  state = { ...state, questions, keyEntry: entryNumber(questions.key), ready: true };
  queueFormState(ctx.doc, state);
  ctx.doc.commit();
  return state;
}

function inputOf(
  form: FormState,
  answers: Record<string, string>,
  partnerId: string,
): Record<string, unknown> {
  const input: Record<string, unknown> = { partnerId };
  for (const q of FORM_QUESTIONS) {
    if (q.field === 'key') continue;
    const value = (answers[form.questions[q.field]] ?? '').trim();
    if (value !== '') input[q.field] = value;
  }
  return input;
}

/** The responses not taken in yet, in submission-time order. */
function newResponses(form: FormState): FormAnswerSet[] {
  const seen = new Set(form.seenIds);
  return listResponses(form.id, form.seen)
    .filter((r) => !seen.has(r.responseId))
    .sort(
      (a, b) =>
        a.lastSubmittedTime.localeCompare(b.lastSubmittedTime) || a.responseId.localeCompare(b.responseId),
    );
}

export function runFormIntake(ctx: AppContext): FormReport {
  const report: FormReport = {
    idle: true,
    registered: [],
    refused: 0,
    unknownKey: 0,
    mailed: 0,
    queued: 0,
    notKept: 0,
  };
  const form = readFormState(ctx.doc);
  if (!form || form.ready === false) return report;
  const responses = newResponses(form);
  if (!responses.length) return report;
  report.idle = false;
  const fctx = ctx.as('form', { email: 'registration form', note: '' });
  // As registerLead opens them: through the lead index at scale, not every lead.
  const registrar = openForRegistration(fctx);
  const partners: Partner[] = registrar.data.partners.map(({ partner }) => partner);
  // The stored hashes of the current secrets: a rotated link's secret has none.
  const hashes = partnerOfHash(readViewEntries(fctx.doc, readViewsMeta(fctx.doc)));
  // Whose ids a partner may be shown: the partners' own, and the leads' (this run's as they are added).
  const leadOwners = registrar.owners();
  const partnerIds = new Set(partners.map((p) => p.id));
  const redact = makeRedactor(
    partners.map((p) => ({ id: p.id, name: p.partnerName })),
    { get: (id) => leadOwners.get(id) ?? (partnerIds.has(id) ? id : undefined) },
  );
  const audit: AuditEntry[] = [];
  const mails: OutgoingMail[] = [];
  for (const response of responses) {
    const partnerId = partnerOfSecret(response.answers[form.questions.key] ?? '', hashes);
    const partner = partners.find((p) => p.id === partnerId);
    if (!partner) {
      report.unknownKey++;
      audit.push({
        timestamp: response.lastSubmittedTime,
        user: 'registration form',
        source: 'form',
        sheet: 'Leads',
        recordId: '',
        field: 'Form submission',
        cell: '',
        oldValue: '',
        newValue: `refused: the partner key matches no partner (a wrong or replaced link); response ${response.responseId}`,
      });
      continue;
    }
    const input = inputOf(form, response.answers, partner.id);
    const company = String(input.company ?? '(no company)');
    const checked = registrar.check(input);
    if (!checked.ok) {
      report.refused++;
      mails.push(
        mail(partner.contactEmail, `Lead registration not accepted: ${company}`, [
          `Your registration of ${company} was not accepted:`,
          ...checked.errors.map((e) => `- ${redact(partner.id, e)}`),
          'Nothing was recorded. Correct it and submit the form again from your own link.',
        ]),
      );
      continue;
    }
    const registration = registrar.add(checked);
    report.registered.push(registration.id);
    mails.push(
      mail(partner.contactEmail, `Lead registration received: ${company} (${registration.id})`, [
        `We received your registration of ${company}: ${registration.id}, Submitted.`,
        registration.conflicts.length
          ? 'It may overlap another registration: the team will review it and let you know.'
          : `If it is approved, it is protected until ${registration.expiresOn}.`,
      ]),
    );
  }
  registrar.settle();
  const last = responses[responses.length - 1].lastSubmittedTime;
  const atLast = responses.filter((r) => r.lastSubmittedTime === last).map((r) => r.responseId);
  queueFormState(fctx.doc, {
    ...form,
    seen: last,
    seenIds: last === form.seen ? [...form.seenIds, ...atLast] : atLast,
  });
  fctx.commit(audit);
  const delivered = deliverOutbox(
    fctx.doc,
    mails.filter((m) => m.to),
  );
  fctx.doc.save();
  report.mailed = delivered.sent;
  report.queued = delivered.queued;
  report.notKept = delivered.notKept;
  return report;
}

export const FORM_INTAKE_JOB: DailyJob = {
  name: 'registration form',
  // after a day's job wrote: in the next hourly run (that execution's budget is spent)
  afterWrites: 'next run after a write',
  run: (ctx) => runFormIntake(ctx),
};
