/**
 * Registers the recovery of edits whose trigger died (pending-edits.ts): the next execution of any
 * kind records each one, oldest first, each in its own journaled commit; the stored entries and the
 * traces of triggers that failed before storing theirs alike.
 */
import { registerRecovery } from '../../sheets/document';
import {
  PENDING_EDITS_PROPERTY,
  emptiedTraces,
  isLostTraceKey,
  pendingEdits,
  removePending,
} from './pending-edits';
import { applyChange } from './record-change';
import { applyEdit, landedEdit, recordLogEdit } from './record-edit';
import { forgetDashboardChoice } from '../dashboard/edit-refresh';

registerRecovery(
  'pending edits',
  // (a trace's emptied key too: deleted here, after the commit that emptied it)
  (props) => !!props[PENDING_EDITS_PROPERTY] || Object.keys(props).some(isLostTraceKey),
  (doc) => {
    for (const key of emptiedTraces(doc)) doc.deletePropertyNow(key);
    for (const pending of pendingEdits(doc)) {
      if (pending.kind === 'edit') applyEdit(doc, pending, true);
      else if (pending.kind === 'change') applyChange(doc, pending);
      else if (pending.kind === 'logEdit') recordLogEdit(doc, pending);
      else {
        removePending(doc, pending.id);
        if (pending.kind === 'dashboardEdit') forgetDashboardChoice(doc, pending);
        doc.commit();
      }
    }
  },
  // A reader needs nothing done for a lone edit whose append landed (the next write clears it).
  (doc) => {
    const list = pendingEdits(doc);
    return list.length === 1 && list[0].kind === 'edit' && landedEdit(doc, list[0]) !== null;
  },
);
