/**
 * A partner's monthly statement, from their own view (so it holds nothing the view does not): had
 * they any activity in the month (a lead registered or closed, a commission line earned, a payout
 * paid), and the e-mail's text and HTML: leads by status, commissions earned and payouts paid in the
 * month, and the tier. Their whole view goes along as a CSV attachment (the app writes it).
 */
import type { PartnerView, ViewCell } from './view';

export interface Statement {
  active: boolean;
  subject: string;
  lines: string[];
}

const at = (rows: readonly (readonly ViewCell[])[], header: string) => rows[0]?.indexOf(header) ?? -1;
const inMonth = (value: ViewCell | undefined, month: string) =>
  typeof value === 'string' && value.startsWith(month);

function sheet(view: PartnerView, title: string): readonly (readonly ViewCell[])[] {
  return view.sheets.find((s) => s.title === title)?.rows ?? [];
}

function summaryValue(view: PartnerView, label: string): string {
  const row = sheet(view, 'Summary').find((r) => r[0] === label);
  return row ? String(row[1] ?? '') : '';
}

function totals(rows: readonly (readonly ViewCell[])[], amountAt: number, currencyAt: number): string {
  const sums = new Map<string, number>();
  for (const r of rows) {
    const amount = Number(r[amountAt]);
    if (!Number.isFinite(amount)) continue;
    const currency = String(r[currencyAt]);
    // Major units with at most 3 decimals: summed in thousandths, exactly.
    sums.set(currency, (sums.get(currency) ?? 0) + Math.round(amount * 1000));
  }
  const parts = [...sums]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([c, m]) => `${(m / 1000).toFixed(2)} ${c}`);
  return parts.length ? parts.join('; ') : 'none';
}

/** The statement of `month` ("2026-03") for a partner's view. */
export function statementOf(view: PartnerView, month: string, program: string): Statement {
  const leads = sheet(view, 'My leads');
  const lines = sheet(view, 'My commissions');
  const payouts = sheet(view, 'My payouts');
  const registered = leads.slice(1).filter((r) => inMonth(r[at(leads, 'Registered On')], month));
  const closed = leads.slice(1).filter((r) => inMonth(r[at(leads, 'Closed On')], month));
  const earned = lines.slice(1).filter((r) => inMonth(r[at(lines, 'Eligible On')], month));
  const paid = payouts.slice(1).filter((r) => inMonth(r[at(payouts, 'Paid On')], month));
  const active = registered.length + closed.length + earned.length + paid.length > 0;
  const byStatus = new Map<string, number>();
  for (const r of leads.slice(1)) {
    const s = String(r[at(leads, 'Status')]);
    byStatus.set(s, (byStatus.get(s) ?? 0) + 1);
  }
  return {
    active,
    subject: `${program}: your statement for ${month}`,
    lines: [
      `Statement for ${month}, ${summaryValue(view, 'Partner')}`,
      `Tier: ${summaryValue(view, 'Tier') || 'none'}`,
      `Leads by status: ${[...byStatus].map(([s, n]) => `${s} ${n}`).join(', ') || 'none'}`,
      `Leads registered this month: ${registered.length}; deals closed: ${closed.length}`,
      `Commissions earned this month: ${totals(earned, at(lines, 'Amount'), at(lines, 'Currency'))}`,
      `Payouts paid this month: ${totals(paid, at(payouts, 'Amount'), at(payouts, 'Currency'))}`,
      'Your whole view is attached (CSV).',
    ],
  };
}
