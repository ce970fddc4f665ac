/**
 * Registers the recovery of edits whose trigger died (pending-edits.ts): the next execution of any
 * kind records each one, oldest first, each in its own journaled commit.
 */
import { registerRecovery } from '../../sheets/document';
import { PENDING_EDITS_PROPERTY, pendingEdits } from './pending-edits';
import { applyChange } from './record-change';
import { applyEdit } from './record-edit';

registerRecovery(PENDING_EDITS_PROPERTY, (doc) => {
  for (const pending of pendingEdits(doc)) {
    if (pending.kind === 'edit') applyEdit(doc, pending);
    else applyChange(doc, pending);
  }
});
