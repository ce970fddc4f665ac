/**
 * The partner views' big tables (Leads, Commissions, Payouts) for an incremental refresh: each read as
 * its shadow column's row texts (with Partners, one getValues per group of columns; Leads and Partners
 * guarded by one getLastRow each, the other two being written by the tracker alone), scanned without parsing a row for its partner, its id and a
 * digest of its text (domain/partners/view-digest.ts); then only the rows of the partners whose views
 * are re-rendered are parsed, their seals checked (openPickedRows). Null when a shadow cannot serve
 * (none, still filling, rows another tool appended): the refresh reads the whole tables instead.
 */
import { shadowField } from '../../domain/audit/shadow-field';
import { sealOf } from '../../domain/audit/shadow-seal';
import { PartnerDigests } from '../../domain/partners/view-digest';
import type { SheetKey } from '../../sheets/schema';
import { openPickedRows, shadowColumns } from '../../sheets/shadow-tables';
import type { AppContext } from '../context';

const SOURCES: ReadonlyArray<{ key: SheetKey; id: string; guard: boolean }> = [
  { key: 'leads', id: 'leadId', guard: true },
  { key: 'commissions', id: 'commissionId', guard: false },
  { key: 'payouts', id: 'payoutId', guard: false },
];

export interface ViewSources {
  /** Each partner's rows' digest (their text and row numbers). */
  digests: PartnerDigests;
  /** Owner (Partner ID) of every lead, ledger line and payout id: the redactor's, for every view. */
  owner: Map<string, string>;
  /** Rows of the three tables a partner has (what re-rendering their view parses). */
  weight(partnerId: string): number;
  /**
   * Opens the three tables in `own` (the job's own context) with the rows of `partnerIds` only, their
   * seals checked: false when one does not check (read the whole tables instead).
   */
  open(own: AppContext, partnerIds: ReadonlySet<string>): boolean;
}

export function readViewSources(ctx: AppContext): ViewSources | null {
  const doc = ctx.doc;
  const layout = doc.layout();
  if (!SOURCES.every(({ key }) => layout.sheets[key])) return null;
  // Partners too, in the same read (whole: every view needs every partner's name), unless open.
  const withPartners = !ctx.isOpen('partners');
  const keys: SheetKey[] = [...SOURCES.map(({ key }) => key), ...(withPartners ? ['partners' as const] : [])];
  const columns = shadowColumns(
    doc,
    keys,
    keys.filter((key) => key === 'leads' || key === 'partners'),
  );
  if (!columns) return null;
  if (withPartners) {
    const partners = columns.get('partners')!;
    if (
      !openPickedRows(
        ctx,
        'partners',
        partners,
        partners.cells.map((_, i) => i),
      )
    )
      return null;
  }
  const digests = new PartnerDigests();
  const owner = new Map<string, string>();
  const counts = new Map<string, number>();
  const partnerOf = new Map<SheetKey, string[]>();
  for (const { key, id } of SOURCES) {
    const { cells, sealed, seals } = columns.get(key)!;
    const partners = new Array<string>(cells.length);
    cells.forEach((cell, i) => {
      if (cell === '') return;
      // (the seal member follows the row's own fields: the fields read the same in a sealed cell)
      const partnerId = shadowField(cell, 'partnerId').trim();
      partners[i] = partnerId;
      const recordId = shadowField(cell, id);
      if (recordId) owner.set(recordId, partnerId);
      const seal = sealed ? sealOf(cell) : (seals?.[i] ?? '');
      if (seal) digests.addSeal(partnerId, seal);
      else digests.add(partnerId, key, i + 2, cell);
      counts.set(partnerId, (counts.get(partnerId) ?? 0) + 1);
    });
    partnerOf.set(key, partners);
  }
  return {
    digests,
    owner,
    weight: (partnerId) => counts.get(partnerId) ?? 0,
    open(own, partnerIds) {
      for (const { key } of SOURCES) {
        const partners = partnerOf.get(key)!;
        const rows: number[] = [];
        partners.forEach((p, i) => {
          if (partnerIds.has(p)) rows.push(i);
        });
        if (!openPickedRows(own, key, columns.get(key)!, rows)) return false;
      }
      return true;
    },
  };
}
