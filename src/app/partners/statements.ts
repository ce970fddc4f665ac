/**
 * Monthly statements: on the first of each month the daily run queues a statement of the month
 * before for every partner with activity in it (not Terminated, with a contact, Statements not
 * "No"), and sends what MailApp's quota allows that day (one recipient each), in partner id order;
 * the rest stay owed and go on the following days. What waits is a few bytes whatever the program's
 * size (`tracker.statements`: the month, whether any is still owed, and the last partner id served):
 * the partners owed are those after it.
 * `sendStatements()` does the same on demand for the month so far. Each statement is built when it
 * is sent, from the partner's own view (domain/partners/statement.ts), its view attached as CSV
 * (papaparse, formula cells escaped).
 */
import Papa from 'papaparse';
import { statementOf } from '../../domain/partners/statement';
import type { PartnerView } from '../../domain/partners/view';
import { PARTNER_STATUS } from '../../shared/statuses';
import { remainingMailQuota, sendMail, type OutgoingMail } from '../../sheets/mail';
import type { AppContext } from '../context';
import type { StatementsReport } from '../../shared/api';
import type { DailyJob } from '../triggers/daily-job';
import { buildViews } from './views';

const STATE_PROPERTY = 'tracker.statements';

interface StatementsState {
  month: string;
  /** Statements of `month` still owed: to the partners whose id sorts after `after`. */
  open: boolean;
  after: string;
}

function readState(ctx: AppContext): StatementsState {
  try {
    return {
      month: '',
      open: false,
      after: '',
      ...(JSON.parse(ctx.doc.property(STATE_PROPERTY) ?? '{}') as Partial<StatementsState>),
    };
  } catch {
    return { month: '', open: false, after: '' };
  }
}

function previousMonth(day: string): string {
  const [y, m] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);
}

function csvOf(view: PartnerView): string {
  return view.sheets
    .map(
      (s) =>
        `${Papa.unparse([[s.title]], { escapeFormulae: true })}\r\n${Papa.unparse(
          s.rows.map((r) => [...r]),
          { escapeFormulae: true },
        )}`,
    )
    .join('\r\n\r\n');
}

export type { StatementsReport };

/** Sends the statements owed for `month` within today's quota; the rest stay owed. */
function send(ctx: AppContext, state: StatementsState): StatementsReport {
  const data = buildViews(ctx);
  const optedOut = new Set(
    ctx
      .table('partners')
      .rows()
      .filter(({ record }) => /^no$/i.test(String(record.statements ?? '').trim()))
      .map(({ record }) => String(record.partnerId ?? '').trim()),
  );
  let left = remainingMailQuota(ctx.doc);
  let sent = 0;
  let skipped = 0;
  let owed = 0;
  const ids = data.partners
    .map((p) => p.partner.id)
    .filter((id) => id > state.after)
    .sort();
  for (const id of ids) {
    const entry = data.partners.find((p) => p.partner.id === id);
    const view = data.views.get(id);
    if (
      !entry ||
      !view ||
      entry.partner.status === PARTNER_STATUS.Terminated ||
      optedOut.has(id) ||
      !entry.contacts.length
    ) {
      skipped++;
      continue;
    }
    const statement = statementOf(view, state.month, data.program);
    if (!statement.active) {
      skipped++;
      continue;
    }
    if (left <= 0) {
      owed++;
      continue;
    }
    const mail: OutgoingMail = {
      to: entry.contacts[0],
      subject: statement.subject,
      body: statement.lines.join('\n'),
      htmlBody: `<h3>${statement.subject.replace(/[&<>]/g, '')}</h3><ul>${statement.lines
        .map(
          (l) => `<li>${l.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!)}</li>`,
        )
        .join('')}</ul>`,
      attachment: { name: `${id} ${state.month}.csv`, mimeType: 'text/csv', content: csvOf(view) },
    };
    try {
      sendMail(mail, ctx.doc);
    } catch {
      owed++;
      left = 0;
      continue;
    }
    left--;
    sent++;
    if (!owed) state.after = id;
  }
  // ids are served in order: with none owed, every id up to the last was served or skipped
  if (!owed) state.after = ids[ids.length - 1] ?? state.after;
  state.open = owed > 0;
  ctx.doc.setProperty(STATE_PROPERTY, JSON.stringify(state));
  ctx.doc.save();
  return { month: state.month, sent, owed, skipped };
}

/** The daily job: on the 1st, the month before is owed to every partner; owed ones go within quota. */
export function runStatements(ctx: AppContext): StatementsReport | { idle: true } {
  const today = ctx.now.toISOString().slice(0, 10);
  const state = readState(ctx);
  const month = previousMonth(today);
  if (today.endsWith('-01') && state.month !== month) return send(ctx, { month, open: true, after: '' });
  if (!state.open) return { idle: true };
  return send(ctx, state);
}

/** On demand (the owner's): the month so far, to every partner with activity in it. */
export function sendStatementsNow(ctx: AppContext): StatementsReport {
  const owedStill = readState(ctx);
  if (owedStill.open) return send(ctx, owedStill); // the month before goes first
  return send(ctx, { month: ctx.now.toISOString().slice(0, 7), open: true, after: '' });
}

export const STATEMENTS_JOB: DailyJob = { name: 'statements', run: (ctx) => runStatements(ctx) };
