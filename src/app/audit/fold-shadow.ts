/**
 * The hourly job that writes the shadow cells people's one-cell edits left in the document
 * properties (sheets/shadow-deferred.ts) to `_Shadow`, and frees their slots: one setValues per block
 * of rows, their drop with the run's next property write. Nothing to do, no call.
 */
import { foldDeferred } from '../../sheets/shadow-sheet';
import { deferredBlocks, hasDeferred } from '../../sheets/shadow-deferred';
import type { DailyJob } from '../triggers/daily-job';

export const SHADOW_FOLD_JOB: DailyJob = {
  name: 'shadow cells',
  run: (ctx) => {
    if (!hasDeferred(ctx.doc)) return { idle: true };
    const blocks = foldDeferred(ctx.doc);
    ctx.doc.save();
    return { blocks };
  },
  calls: (doc) => (hasDeferred(doc) ? deferredBlocks(doc).length : 0),
};
