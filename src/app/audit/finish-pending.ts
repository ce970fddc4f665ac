/**
 * Registers the recovery of edits whose trigger died (pending-edits.ts): the next execution of any
 * kind records each one, oldest first, each in its own journaled commit.
 */
import { registerRecovery } from '../../sheets/document';
import { PENDING_EDITS_PROPERTY, pendingEdits } from './pending-edits';
import { applyChange } from './record-change';
import { applyEdit, landedEdit } from './record-edit';

registerRecovery(
  PENDING_EDITS_PROPERTY,
  (doc) => {
    for (const pending of pendingEdits(doc)) {
      if (pending.kind === 'edit') applyEdit(doc, pending, true);
      else applyChange(doc, pending);
    }
  },
  // A reader needs nothing done for a lone edit whose append landed (the next write clears it).
  (doc) => {
    const list = pendingEdits(doc);
    return list.length === 1 && list[0].kind === 'edit' && landedEdit(doc, list[0]) !== null;
  },
);
