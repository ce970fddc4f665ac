/** The Payouts sheet as PayoutRecords (lines found by the Commissions sheet's Payout ID column). */
import type { LedgerLine } from '../../domain/commissions';
import type { PayoutRecord } from '../../domain/payouts';
import { PAYOUT_STATUSES, readStatus } from '../../shared/statuses';
import { toMajor } from '../../domain/money';
import type { Payout } from '../../shared/api';
import type { Table } from '../../sheets/table';
import type { Days } from '../../sheets/days';
import { cellToMinor, minorToCell } from '../commissions/cells';

export interface PayoutRow {
  readonly row: number;
  readonly payout: PayoutRecord;
  /** The Lines cell (count), as written. */
  readonly lineCount: number;
}

const text = (value: unknown) => String(value ?? '').trim();

export const payoutTableMessages = {
  unknownStatus: (problem: string) => `${problem}. Correct the cell, then try again.`,
} as const;

/** A payout's Status, checked: a value the tracker does not know is an error naming the row and the value. */
function statusOf(cell: unknown, row: number): PayoutRecord['status'] {
  const reading = readStatus(PAYOUT_STATUSES, cell, `Payouts row ${row}`);
  if (!reading.ok) throw new Error(payoutTableMessages.unknownStatus(reading.problem));
  return reading.status ?? '';
}

export function readPayouts(table: Table, days: Days, lines: readonly LedgerLine[] = []): PayoutRow[] {
  const byPayout = new Map<string, string[]>();
  for (const line of lines) {
    if (line.payoutId === '') continue;
    byPayout.set(line.payoutId, [...(byPayout.get(line.payoutId) ?? []), line.id]);
  }
  return table.rows().flatMap(({ row, record }) => {
    const id = text(record.payoutId);
    if (id === '') return [];
    const currency = text(record.currency);
    let amountMinor = 0;
    try {
      amountMinor = cellToMinor(record.amount, currency) ?? 0;
    } catch {
      amountMinor = Number.NaN;
    }
    const payout: PayoutRecord = {
      id,
      partnerId: text(record.partnerId),
      partnerName: text(record.partnerName),
      currency,
      amountMinor,
      lineIds: byPayout.get(id) ?? [],
      period: text(record.period),
      status: statusOf(record.status, row),
      createdOn: days.cellToDay(record.createdOn),
      paidOn: days.cellToDay(record.paidOn),
      reference: text(record.reference),
      createdBy: text(record.createdBy),
      approvedBy: text(record.approvedBy),
      approvedOn: days.cellToDay(record.approvedOn),
      payeeEmail: text(record.payeeEmail),
    };
    return [{ row, payout, lineCount: Number(record.lines) || 0 }];
  });
}

export function payoutCells(payout: PayoutRecord, days: Days): Record<string, string | number | Date> {
  return {
    payoutId: payout.id,
    partnerId: payout.partnerId,
    partnerName: payout.partnerName,
    currency: payout.currency,
    amount: minorToCell(payout.amountMinor, payout.currency),
    lines: payout.lineIds.length,
    period: payout.period,
    status: payout.status,
    createdOn: days.dayToCell(payout.createdOn),
    paidOn: days.dayToCell(payout.paidOn),
    reference: payout.reference,
    createdBy: payout.createdBy ?? '',
    approvedBy: payout.approvedBy ?? '',
    approvedOn: days.dayToCell(payout.approvedOn ?? ''),
    payeeEmail: payout.payeeEmail ?? '',
  };
}

export function toPayout(payout: PayoutRecord, lineCount = payout.lineIds.length): Payout {
  let amount = 0;
  try {
    amount = toMajor(payout.amountMinor, payout.currency);
  } catch {
    amount = 0;
  }
  return {
    id: payout.id,
    partnerId: payout.partnerId,
    partnerName: payout.partnerName,
    currency: payout.currency,
    amount,
    lines: lineCount,
    period: payout.period,
    status: payout.status,
    createdOn: payout.createdOn,
    paidOn: payout.paidOn,
    reference: payout.reference,
    createdBy: payout.createdBy ?? '',
    approvedBy: payout.approvedBy ?? '',
    approvedOn: payout.approvedOn ?? '',
    payeeEmail: payout.payeeEmail ?? '',
  };
}
