/**
 * A narrowed pass's ledger through the ledger index (sheets/ledger-index.ts): only the lines the pass
 * takes (those of the scope's partners and leads and every line sharing a key with them or with the
 * lines the deals imply: `scopedLines`, the rule scopedLedger applies to the whole ledger) and the
 * ledger's last row (appends go after it), read from their shadow cells with their seals checked and
 * opened as the context's Commissions table; the other rows are not read. Every row read must be what
 * its entry says. An index missing, stale or not adding up, a forged row or a row that disagrees with
 * its entry: null, and the caller reads the whole ledger.
 */
import { baseKey } from '../../domain/commissions';
import { readLedgerIndex, type LedgerEntry, type LedgerIndex } from '../../sheets/ledger-index';
import { ledgerRowValues } from '../../sheets/ledger-tables';
import type { AppContext } from '../context';

export interface LedgerScope {
  readonly partners: ReadonlySet<string>;
  readonly leads: ReadonlySet<string>;
}

/** The entries of a scope's partners and leads, and every entry sharing a key with them or `desiredKeys`. */
export function scopedLines<T>(
  all: readonly T[],
  lineOf: (item: T) => { partnerId: string; leadId: string; key: string },
  desiredKeys: readonly string[],
  scope: LedgerScope,
): T[] {
  const inScope = (item: T) => {
    const line = lineOf(item);
    return scope.partners.has(line.partnerId) || scope.leads.has(line.leadId);
  };
  const keys = new Set(desiredKeys);
  for (const item of all) {
    const key = lineOf(item).key;
    if (key !== '' && inScope(item)) keys.add(baseKey(key));
  }
  return all.filter((item) => {
    const key = lineOf(item).key;
    return inScope(item) || (key !== '' && keys.has(baseKey(key)));
  });
}

const entryLine = (e: LedgerEntry) => ({ partnerId: e[2], leadId: e[3], key: e[6] });

/**
 * Opens Commissions with only the scope's lines (see above); returns every Commission ID of the
 * ledger (the next ids are allocated from them), or null when the index cannot serve.
 */
export function openScopedLedger(
  ctx: AppContext,
  scope: LedgerScope,
  desiredKeys: readonly string[],
  /** The index when the caller read it already (a slice of the full reconcile), and its row reads at most. */
  read: { index?: LedgerIndex; most?: number } = {},
): string[] | null {
  if (ctx.isOpen('commissions')) return null;
  const index = read.index ?? readLedgerIndex(ctx.doc);
  if (!index) return null;
  const picked = scopedLines(index.entries, entryLine, desiredKeys, scope);
  // The last row too (the next lines are appended after it). Each row read holds the line its entry
  // says (else the index is not trusted: the whole ledger is read).
  const lastEntry = index.entries.find((e) => e[0] === index.last);
  const entries = lastEntry && !picked.includes(lastEntry) ? [...picked, lastEntry] : picked;
  const opened = ledgerRowValues(
    ctx.doc,
    entries,
    index.last,
    index.last >= 2 ? [index.last] : [],
    read.most,
  );
  if (!opened) return null;
  ctx.tableFrom('commissions', () => opened, true);
  return index.entries.map((e) => e[1]);
}
