/**
 * listNotComputed(): every Won deal that earns nothing and why (no exchange rate on or before its
 * close day, no plan, an unreadable cell...), as runCommissions reports them, computed without
 * writing anything: what the Commissions page shows above the lines (never a silent zero).
 */
import { desiredLedger } from '../../domain/commissions';
import type { NotComputed } from '../../shared/api';
import type { AppContext } from '../context';
import { defaultHoldDays, exchangeTable, readEngineInputs } from './inputs';

export function listNotComputed(ctx: AppContext): NotComputed[] {
  const days = ctx.doc.days();
  ctx.read(['partners', 'leads']);
  const inputs = readEngineInputs(ctx, days);
  const { flags } = desiredLedger({
    deals: inputs.deals.map((d) => d.deal),
    partners: inputs.partners,
    plans: inputs.plans,
    settings: { defaultHoldDays: defaultHoldDays(inputs.settings) },
    asOf: days.dayOf(ctx.now),
    exchange: exchangeTable(inputs.settings),
  });
  return [...inputs.unreadable, ...flags].map((f) => ({ leadId: f.leadId, reason: f.reason }));
}
