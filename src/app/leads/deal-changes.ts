/**
 * The one "deal changed" hook. Which changes of a lead call for what is decided by the domain
 * (`dealChange` in domain/leads/deal-change.ts: a lead that is or was Won whose Status, Deal Value,
 * Closed On, Currency or Partner ID changed); this follows that answer the same way for every
 * source: the deals' partners (and the leads themselves) are reconciled in the same execution, the
 * ledger lines staged in the context's tables and written by its one commit with the lead's change.
 * closeLead passes its transition's events; a person's edit of Leads reaches it through
 * `stageEditedDeals` (an edit reaction, after the lead rules ran). Other partners' lines that are
 * due a change (a hold that ended) are the next runCommissions' or daily run's.
 */
import { dealChange, mergeDealChanges, type DealChange } from '../../domain/leads';
import { stageLedgerSync } from '../commissions/sync-ledger';
import type { AppContext } from '../context';

/** Stages the reconcile a change of deals calls for (nothing when `change` is null). */
export function stageDealChange(ctx: AppContext, change: DealChange | null): void {
  if (!change) return;
  // The ledger itself is opened by the pass (only the lines it takes, through the ledger index).
  ctx.read(['partners']);
  stageLedgerSync(ctx, { partners: new Set(change.partners), leads: new Set(change.leads) });
}

const text = (value: unknown) => String(value ?? '').trim();

type Row = Readonly<Record<string, unknown>>;

const side = (row: Row) => ({
  leadId: text(row.leadId),
  partnerId: text(row.partnerId),
  status: text(row.status),
});

/**
 * A person's edit of Leads: each edited row's deal before and after the edit (`columns`, the edited
 * ones, are what changed); committed with the edit (record-edit.ts).
 */
export function stageEditedDeals(
  ctx: AppContext,
  rows: ReadonlyArray<{ before: Row; after: Row }>,
  columns: readonly string[],
): void {
  const changes = rows.map(({ before, after }) => dealChange(side(before), side(after), columns));
  stageDealChange(ctx, mergeDealChanges(changes));
}
