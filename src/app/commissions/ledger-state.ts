/**
 * What the daily commission job needs to know to skip the full reconcile (document property
 * `tracker.ledgerState`): the day of the last full reconcile, whether something changed since that
 * no use case reconciled (`dirty`: a plan, a partner, the settings, an import, set-up, rows inserted
 * or deleted), and the earliest close day still to come of a Won deal (`nextClose`: a deal closed
 * with a future date earns from that day).
 */
import type { TrackerDocument } from '../../sheets/document';

export const LEDGER_STATE_PROPERTY = 'tracker.ledgerState';

/** A full reconcile at least this often, whatever else (edits no trigger saw are caught then). */
export const FULL_RECONCILE_DAYS = 7;

export interface LedgerState {
  fullOn: string | null;
  dirty: boolean;
  nextClose: string | null;
}

export function readLedgerState(doc: TrackerDocument): LedgerState {
  try {
    const parsed = JSON.parse(doc.property(LEDGER_STATE_PROPERTY) ?? '') as Partial<LedgerState>;
    return {
      fullOn: typeof parsed.fullOn === 'string' ? parsed.fullOn : null,
      dirty: parsed.dirty !== false,
      nextClose: typeof parsed.nextClose === 'string' ? parsed.nextClose : null,
    };
  } catch {
    return { fullOn: null, dirty: true, nextClose: null };
  }
}

function write(doc: TrackerDocument, state: LedgerState): void {
  const text = JSON.stringify(state);
  if (doc.property(LEDGER_STATE_PROPERTY) !== text) doc.setProperty(LEDGER_STATE_PROPERTY, text);
}

/** Something the ledger depends on changed and was not reconciled: the next daily job does it all. */
export function markLedgerDirty(doc: TrackerDocument): void {
  write(doc, { ...readLedgerState(doc), dirty: true });
}

/**
 * A full reconcile split across executions (reconcile-slices.ts) starts: what was dirty is its to
 * do; a change marked dirty while it runs keeps its last slice from recording it as full.
 */
export function clearLedgerDirty(doc: TrackerDocument): void {
  write(doc, { ...readLedgerState(doc), dirty: false });
}

/** After a reconcile: a full one clears `dirty`; either keeps the earliest close day to come. */
export function recordReconcile(
  doc: TrackerDocument,
  pass: { full: boolean; asOf: string; nextClose: string | null },
): void {
  const state = readLedgerState(doc);
  const earliest = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);
  write(
    doc,
    pass.full
      ? { fullOn: pass.asOf, dirty: false, nextClose: pass.nextClose }
      : { ...state, nextClose: earliest(state.nextClose, pass.nextClose) },
  );
}
