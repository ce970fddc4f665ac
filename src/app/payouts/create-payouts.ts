/**
 * createPayouts(throughDate): the Approved lines eligible by that day and on no payout, grouped per
 * partner and currency into Draft payouts (a group under the Settings minimum payout, in its own
 * currency, stays for the next run); each line gets its Payout ID. One audited write.
 */
import { planPayouts } from '../../domain/payouts';
import { isIsoDay } from '../../domain/dates';
import { toMinor } from '../../domain/money';
import type { Payout } from '../../shared/api';
import type { AppContext } from '../context';
import { UNKNOWN_USER } from '../../domain/audit/entry';
import { formatMoneyColumns, openLedger, readLedger } from '../commissions/ledger-table';
import { fail } from '../user-error';
import { payoutCells, readPayouts, toPayout } from './payout-table';
import { idSequence } from '../../domain/ids';

const text = (value: unknown) => String(value ?? '').trim();

export const payoutAppMessages = {
  throughDate: (value: unknown) => `Through Date '${String(value ?? '')}' must be a day such as 2026-03-31`,
  unknownPayout: (id: string) => `No payout ${id}`,
  paidOn: (value: unknown) => `Paid On '${String(value ?? '')}' must be a day such as 2026-03-31`,
  format: (value: unknown) => `Format '${String(value ?? '')}' must be one of csv, paypal, wise`,
} as const;

/** The Settings minimum payout in each currency's own minor units (50 -> 5000 USD, 50 JPY). */
function minimums(value: unknown, currencies: Iterable<string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const currency of currencies) {
    try {
      out[currency] = toMinor(value as number | string, currency);
    } catch {
      out[currency] = 0;
    }
  }
  return out;
}

export function createPayouts(ctx: AppContext, throughDate: string): Payout[] {
  const through = text(throughDate).slice(0, 10);
  if (!isIsoDay(through)) fail([payoutAppMessages.throughDate(throughDate)]);
  const days = ctx.doc.days();
  // Commissions and Partners from their shadow (one cell a row); Payouts from the sheet.
  const commissions = openLedger(ctx, ['partners']);
  const ledger = readLedger(commissions, days);
  const payoutsTable = ctx.table('payouts');
  const existing = readPayouts(payoutsTable, days);
  const partners = ctx
    .table('partners')
    .rows()
    .map(({ record }) => ({
      id: text(record.partnerId),
      partnerName: text(record.partnerName),
      contactEmail: text(record.contactEmail),
    }));
  const settings = ctx.settings();
  const lines = ledger.map((l) => l.line);
  const planned = planPayouts({
    lines,
    partners,
    throughDate: through,
    minimumPayoutMinor: minimums(settings.values.minimumPayout, new Set(lines.map((l) => l.currency))),
    existingPayoutIds: existing.map((p) => p.payout.id),
    nextId: idSequence(
      'payout',
      existing.map((p) => p.payout.id),
    ),
    today: days.dayOf(ctx.now),
  });
  const rowOf = new Map(ledger.map((l) => [l.line.id, l.row]));
  for (const { lineId, payoutId } of planned.assignments)
    commissions.update(rowOf.get(lineId)!, { payoutId });
  const createdBy = ctx.actor.email === UNKNOWN_USER ? '' : ctx.actor.email;
  const made = planned.payouts.map((p) => ({ ...p, createdBy }));
  const appended = made.map((p) => payoutsTable.append(payoutCells(p, days)));
  formatMoneyColumns(
    ctx,
    payoutsTable,
    appended,
    made.map((p) => p.currency),
    ['amount'],
  );
  ctx.commit();
  return made.map((p) => toPayout(p));
}
