/**
 * The hourly job that writes the shadow cells people's one-cell edits left in the document
 * properties (sheets/shadow-deferred.ts) to `_Shadow`, and frees their slots: one setValues per block
 * of rows, their drop with the run's next property write; at most FOLD_BLOCKS blocks an execution
 * (the rest wait for the next hour; an edit that finds no slot free writes `_Shadow` itself
 * meanwhile). Nothing to do, no call.
 */
import { foldDeferred } from '../../sheets/shadow-sheet';
import { deferredBlocks, hasDeferred } from '../../sheets/shadow-deferred';
import type { DailyJob } from '../triggers/daily-job';

/** Blocks of rows written per hourly run. */
const FOLD_BLOCKS = 8;

export const SHADOW_FOLD_JOB: DailyJob = {
  name: 'shadow cells',
  run: (ctx) => {
    if (!hasDeferred(ctx.doc)) return { idle: true };
    const blocks = foldDeferred(ctx.doc, FOLD_BLOCKS);
    ctx.doc.save();
    return { blocks };
  },
  calls: (doc) => (hasDeferred(doc) ? Math.min(deferredBlocks(doc).length, FOLD_BLOCKS) : 0),
};
