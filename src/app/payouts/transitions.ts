/**
 * approvePayout(id) and markPayoutPaid(id, reference, paidOn). Both check that the payout's amount
 * equals the sum of the lines carrying its Payout ID; paying marks those lines Paid. One audited
 * write each; a refusal writes nothing.
 */
import {
  PayoutError,
  approvalRule,
  approvePayout as approveRecord,
  markPayoutPaid as payRecord,
  payoutMessages,
} from '../../domain/payouts';
import { isIsoDay } from '../../domain/dates';
import { formatMoney, sumMinor } from '../../domain/money';
import type { Payout } from '../../shared/api';
import type { AppContext } from '../context';
import { UNKNOWN_USER } from '../../domain/audit/entry';
import { ownerEmail } from '../../sheets/team';
import { applyStatusChanges, openLedger, readLedger } from '../commissions/ledger-table';
import { fail } from '../user-error';
import { payoutAppMessages } from './create-payouts';
import { payoutCells, readPayouts, toPayout } from './payout-table';

function load(ctx: AppContext, id: string) {
  const days = ctx.doc.days();
  // the lines from the Commissions shadow; the payout from its sheet (a hand change shows there)
  const ledger = readLedger(openLedger(ctx), days);
  const lines = ledger.map((l) => l.line);
  const found = readPayouts(ctx.table('payouts'), days, lines).find(
    (p) => p.payout.id === String(id ?? '').trim(),
  );
  if (!found) fail([payoutAppMessages.unknownPayout(String(id ?? ''))]);
  const mine = lines.filter((l) => l.payoutId === found.payout.id);
  const total = sumMinor(mine.map((l) => l.amountMinor));
  if (total !== found.payout.amountMinor || mine.some((l) => l.currency !== found.payout.currency)) {
    fail([
      payoutMessages.amountMismatch(
        found.payout.id,
        formatMoney(found.payout.amountMinor, found.payout.currency),
        formatMoney(total, found.payout.currency),
      ),
    ]);
  }
  return { days, ledger, found };
}

function guard<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof PayoutError) fail([error.message]);
    throw error;
  }
}

/** The owner and the Team, each once (the size Settings > Payout Approval's default depends on). */
function teamSize(ctx: AppContext): number {
  const people = new Set(
    [ownerEmail(ctx.doc), ...ctx.settings().lists.team].map((e) => e.trim().toLowerCase()),
  );
  people.delete('');
  return people.size;
}

/** The partner's Contact Email now (the payee stamped on the payout). */
function contactEmailOf(ctx: AppContext, partnerId: string): string {
  const found = ctx
    .table('partners')
    .rows()
    .find(({ record }) => String(record.partnerId ?? '').trim() === partnerId);
  return String(found?.record.contactEmail ?? '').trim();
}

export function approvePayout(ctx: AppContext, id: string): Payout {
  const { days, found } = load(ctx, id);
  const settings = ctx.settings();
  const next = guard(() =>
    approveRecord(found.payout, {
      approver: ctx.actor.email === UNKNOWN_USER ? '' : ctx.actor.email,
      today: days.dayOf(ctx.now),
      payeeEmail: contactEmailOf(ctx, found.payout.partnerId),
      rule: approvalRule(settings.values.payoutApproval, teamSize(ctx)),
    }),
  );
  ctx.table('payouts').update(found.row, payoutCells(next, days));
  ctx.commit();
  return toPayout(next);
}

export function markPayoutPaid(ctx: AppContext, id: string, reference: string, paidOn: string): Payout {
  const day = String(paidOn ?? '')
    .trim()
    .slice(0, 10);
  if (!isIsoDay(day)) fail([payoutAppMessages.paidOn(paidOn)]);
  const { days, ledger, found } = load(ctx, id);
  const paid = guard(() =>
    payRecord({
      payout: found.payout,
      lines: ledger.map((l) => l.line),
      reference: String(reference ?? ''),
      paidOn: day,
    }),
  );
  const commissions = ctx.table('commissions');
  applyStatusChanges(commissions, ledger, paid.lineChanges, days);
  ctx.table('payouts').update(found.row, payoutCells(paid.payout, days));
  ctx.commit();
  return toPayout(paid.payout);
}
