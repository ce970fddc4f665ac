/**
 * Slack messages within Slack's documented limits (https://api.slack.com/reference/block-kit/blocks,
 * https://api.slack.com/reference/messaging/payload): at most 50 blocks a message, a section's text
 * at most 3,000 characters, the top-level `text` (the notification's fallback) kept under 4,000
 * (Slack truncates at 40,000). Text is mrkdwn with &, < and > escaped, as Slack requires
 * (https://api.slack.com/reference/surfaces/formatting#escaping), so a company name cannot mention
 * @channel or smuggle a link.
 */
export const SLACK_LIMITS = { blocks: 50, sectionChars: 3000, textChars: 4000 } as const;

export interface SlackBlock {
  type: 'section' | 'header';
  text: { type: 'mrkdwn' | 'plain_text'; text: string };
}

export interface SlackPayload {
  text: string;
  blocks: SlackBlock[];
}

export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function section(text: string): SlackBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: cut(text, SLACK_LIMITS.sectionChars) } };
}

export function header(text: string): SlackBlock {
  return { type: 'header', text: { type: 'plain_text', text: cut(text, 150) } };
}

/** A payload within the limits: blocks beyond 50 are summed up in the last one. */
export function payload(text: string, blocks: readonly SlackBlock[]): SlackPayload {
  const kept =
    blocks.length <= SLACK_LIMITS.blocks
      ? [...blocks]
      : [
          ...blocks.slice(0, SLACK_LIMITS.blocks - 1),
          section(`…and ${blocks.length - SLACK_LIMITS.blocks + 1} more in the tracker.`),
        ];
  return { text: cut(text, SLACK_LIMITS.textChars), blocks: kept };
}

/** Several queued messages as one post (Slack allows about one post per second per webhook). */
export function combine(messages: readonly SlackPayload[]): SlackPayload {
  if (messages.length === 1) return messages[0];
  return payload(
    messages.map((m) => m.text).join('\n'),
    messages.flatMap((m) => m.blocks),
  );
}

export interface ConflictNotice {
  leadId: string;
  company: string;
  partner: string;
  conflict: string;
}

export function conflictMessage(n: ConflictNotice): SlackPayload {
  const text = `Conflict: ${n.leadId} ${n.company} (${n.partner}) overlaps ${n.conflict}`;
  return payload(escapeSlack(text), [
    section(
      `:warning: *Registration conflict* ${escapeSlack(n.leadId)} *${escapeSlack(n.company)}* from ${escapeSlack(
        n.partner,
      )}\n${escapeSlack(n.conflict)}`,
    ),
  ]);
}

export interface DigestSummary {
  day: string;
  registrations: ReadonlyArray<{ leadId: string; company: string; partner: string }>;
  conflicts: ReadonlyArray<{ leadId: string; company: string; conflict: string }>;
  won: ReadonlyArray<{ leadId: string; company: string; value: string }>;
  /** Eligible lines awaiting approval: count and total per currency ("USD 1,200.00"). */
  awaitingApproval: { count: number; totals: readonly string[] };
  payoutsToApprove: ReadonlyArray<{ id: string; partner: string; amount: string }>;
}

const MAX_LISTED = 10;

function list<T>(items: readonly T[], line: (item: T) => string): string {
  const shown = items.slice(0, MAX_LISTED).map((item) => `• ${line(item)}`);
  if (items.length > MAX_LISTED) shown.push(`• …and ${items.length - MAX_LISTED} more`);
  return shown.join('\n');
}

export function digestMessage(s: DigestSummary): SlackPayload {
  const e = escapeSlack;
  const blocks: SlackBlock[] = [header(`Partner program: ${s.day}`)];
  const add = (title: string, count: number, body: string) =>
    blocks.push(section(count ? `*${title}: ${count}*\n${body}` : `*${title}:* none`));
  add(
    'New registrations',
    s.registrations.length,
    list(s.registrations, (r) => `${e(r.leadId)} ${e(r.company)} (${e(r.partner)})`),
  );
  add(
    'Conflicts',
    s.conflicts.length,
    list(s.conflicts, (c) => `${e(c.leadId)} ${e(c.company)}: ${e(c.conflict)}`),
  );
  add(
    'Deals won',
    s.won.length,
    list(s.won, (w) => `${e(w.leadId)} ${e(w.company)} ${e(w.value)}`),
  );
  blocks.push(
    section(
      s.awaitingApproval.count
        ? `*Commission lines awaiting approval: ${s.awaitingApproval.count}* (${s.awaitingApproval.totals.join(', ')})`
        : '*Commission lines awaiting approval:* none',
    ),
  );
  add(
    'Payouts to approve',
    s.payoutsToApprove.length,
    list(s.payoutsToApprove, (p) => `${e(p.id)} ${e(p.partner)} ${e(p.amount)}`),
  );
  const text =
    `Partner program ${s.day}: ${s.registrations.length} new registrations, ${s.conflicts.length} conflicts, ` +
    `${s.won.length} deals won, ${s.awaitingApproval.count} lines awaiting approval, ` +
    `${s.payoutsToApprove.length} payouts to approve`;
  return payload(text, blocks);
}
