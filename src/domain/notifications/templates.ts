/**
 * The emails to a partner's contact about its leads. Pure: the app decides whether Settings allow
 * them and sends them through the mail adapter. Every piece of user text is escaped in htmlBody.
 */
import type { Lead } from '../../shared/api';
import { escapeHtml } from './escape';

export interface EmailMessage {
  to: string;
  subject: string;
  body: string;
  htmlBody: string;
  /**
   * The greeting, what the message says and the sign-off apart (lead notices): a digest of several
   * greets once, tells each, and signs once (outbox-digest.ts).
   */
  parts?: { greeting: EmailText; core: EmailText; signOff: EmailText };
}

/** A piece of a message as plain text and as HTML. */
export interface EmailText {
  body: string;
  htmlBody: string;
}

export type NotificationEvent = 'received' | 'approved' | 'rejected' | 'won' | 'expiring';

export interface NotificationInput {
  event: NotificationEvent;
  lead: Pick<Lead, 'id' | 'company' | 'expiresOn' | 'decisionNote' | 'dealValue' | 'currency'>;
  partner: { partnerName: string; contactName?: string; contactEmail: string };
  /** Shown as the sender's name in the sign-off ("Acme partner team"). */
  programName?: string;
}

/** A line of the email: literal text and user text (escaped in HTML). */
type Part = string | { user: string };

interface Template {
  subject: (lead: NotificationInput['lead']) => string;
  lines: (lead: NotificationInput['lead']) => Part[][];
}

const TEMPLATES: Record<NotificationEvent, Template> = {
  received: {
    subject: (lead) => `Lead registration received: ${lead.company} (${lead.id})`,
    lines: (lead) => [
      ['We received your registration of ', { user: lead.company }, ` (${lead.id}).`],
      [`It is protected until ${lead.expiresOn} while we review it.`],
    ],
  },
  approved: {
    subject: (lead) => `Lead approved: ${lead.company} (${lead.id})`,
    lines: (lead) => [
      ['Your registration of ', { user: lead.company }, ` (${lead.id}) is approved.`],
      [`It is protected until ${lead.expiresOn}.`],
      ...noteLines(lead),
    ],
  },
  rejected: {
    subject: (lead) => `Lead not approved: ${lead.company} (${lead.id})`,
    lines: (lead) => [
      ['Your registration of ', { user: lead.company }, ` (${lead.id}) was not approved.`],
      ...noteLines(lead),
    ],
  },
  won: {
    subject: (lead) => `Deal won: ${lead.company} (${lead.id})`,
    lines: (lead) => [
      ['Good news: ', { user: lead.company }, ` (${lead.id}) is won`, ...dealValue(lead), '.'],
      ['Your commission will follow the terms of your plan.'],
    ],
  },
  expiring: {
    subject: (lead) => `Protection ends on ${lead.expiresOn}: ${lead.company} (${lead.id})`,
    lines: (lead) => [
      [
        'The protection of your registration of ',
        { user: lead.company },
        ` (${lead.id}) ends on ${lead.expiresOn}.`,
      ],
      ['Ask us for an extension if the deal is still open.'],
    ],
  },
};

function noteLines(lead: NotificationInput['lead']): Part[][] {
  return lead.decisionNote.trim() === ''
    ? []
    : [['Note from the reviewer: ', { user: lead.decisionNote.trim() }]];
}

function dealValue(lead: NotificationInput['lead']): Part[] {
  return lead.dealValue === null ? [] : [` for ${lead.dealValue} `, { user: lead.currency }];
}

function plain(line: Part[]): string {
  return line.map((part) => (typeof part === 'string' ? part : part.user)).join('');
}

function html(line: Part[]): string {
  return line.map((part) => escapeHtml(typeof part === 'string' ? part : part.user)).join('');
}

/** Subjects are one line: line breaks in user text become spaces. */
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}

export function notificationEmail(input: NotificationInput): EmailMessage {
  const template = TEMPLATES[input.event];
  const greeting: Part[] = [
    'Hello ',
    { user: input.partner.contactName?.trim() || input.partner.partnerName },
    ',',
  ];
  const signOff: Part[] = [{ user: input.programName?.trim() || 'The partner team' }];
  const text = (lines: Part[][]): EmailText => ({
    body: lines.map(plain).join('\n\n'),
    htmlBody: lines.map((line) => `<p>${html(line)}</p>`).join('\n'),
  });
  const core = template.lines(input.lead);
  return {
    to: input.partner.contactEmail,
    subject: oneLine(template.subject(input.lead)),
    ...text([greeting, ...core, signOff]),
    parts: { greeting: text([greeting]), core: text(core), signOff: text([signOff]) },
  };
}
