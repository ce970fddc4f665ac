/**
 * Monthly statements: on the first of each month the daily run queues a statement of the month
 * before for every partner with activity in it (not Terminated, with a contact, Statements not
 * "No"), and sends what MailApp's quota allows that day (one recipient each); the rest stay queued
 * (`tracker.statements`: the month and the partners still owed) and go on the following days.
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
  owed: string[];
  done: string[];
}

function readState(ctx: AppContext): StatementsState {
  try {
    return {
      month: '',
      owed: [],
      done: [],
      ...(JSON.parse(ctx.doc.property(STATE_PROPERTY) ?? '{}') as Partial<StatementsState>),
    };
  } catch {
    return { month: '', owed: [], done: [] };
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
  let left = remainingMailQuota();
  let sent = 0;
  let skipped = 0;
  const owed: string[] = [];
  for (const id of state.owed) {
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
      owed.push(id);
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
      sendMail(mail);
    } catch {
      owed.push(id);
      left = 0;
      continue;
    }
    left--;
    sent++;
    state.done.push(id);
  }
  state.owed = owed;
  ctx.doc.setProperty(STATE_PROPERTY, JSON.stringify(state));
  ctx.doc.save();
  return { month: state.month, sent, owed: owed.length, skipped };
}

/** The daily job: on the 1st, the month before is owed to every partner; owed ones go within quota. */
export function runStatements(ctx: AppContext): StatementsReport | { idle: true } {
  const today = ctx.now.toISOString().slice(0, 10);
  const state = readState(ctx);
  const month = previousMonth(today);
  if (today.endsWith('-01') && state.month !== month) {
    ctx.read(['partners']);
    const ids = ctx
      .table('partners')
      .rows()
      .map(({ record }) => String(record.partnerId ?? '').trim())
      .filter(Boolean);
    return send(ctx, { month, owed: ids, done: [] });
  }
  if (!state.owed.length) return { idle: true };
  return send(ctx, state);
}

/** On demand (the owner's): the month so far, to every partner with activity in it. */
export function sendStatementsNow(ctx: AppContext): StatementsReport {
  const owedStill = readState(ctx);
  if (owedStill.owed.length) return send(ctx, owedStill); // the month before goes first
  const month = ctx.now.toISOString().slice(0, 7);
  ctx.read(['partners']);
  const ids = ctx
    .table('partners')
    .rows()
    .map(({ record }) => String(record.partnerId ?? '').trim())
    .filter(Boolean);
  return send(ctx, { month, owed: ids, done: [] });
}

export const STATEMENTS_JOB: DailyJob = { name: 'statements', run: (ctx) => runStatements(ctx) };
