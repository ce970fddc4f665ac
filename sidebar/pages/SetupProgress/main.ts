/**
 * The set-up progress dialog: calls continueSetup until every existing row is adopted, showing the
 * progress, then the summary. Closed early, the hourly trigger finishes the adoption. Server text is
 * shown as text, never as HTML.
 */
import type { SetupProgress as Progress } from '../../../src/shared/api';
import { browserClient } from '../../common/client';
import { byId, h, replace, setText } from '../../common/dom';
import { startPage } from '../../common/page';

/** Invalid rows listed in the dialog at most (the summary gives the count). */
const LISTED = 20;

const client = browserClient();
const page = startPage(client);
const continueSetup = () => client.call('continueSetup');

const listed: Array<{ sheet: string; row: number; problems: string[] }> = [];

function show(progress: Progress): void {
  const bar = byId<HTMLProgressElement>('bar');
  bar.max = Math.max(progress.total, 1);
  bar.value = progress.finished ? bar.max : progress.done;
  setText(byId('status'), progress.message);
  for (const row of progress.invalidRows) if (listed.length < LISTED) listed.push(row);
  const list = byId('invalid');
  replace(list, ...listed.map((r) => h('li', { text: `${r.sheet} row ${r.row}: ${r.problems.join('; ')}` })));
  list.hidden = listed.length === 0;
  if (progress.finished) setText(byId('heading'), 'The tracker is set up');
}

async function run(): Promise<void> {
  byId('retry').hidden = true;
  for (;;) {
    const progress = await page.run(continueSetup);
    if (!progress) {
      byId('retry').hidden = false;
      return;
    }
    show(progress);
    if (progress.finished) return;
  }
}

declare const google: { script: { host: { close(): void } } } | undefined;

byId('retry').addEventListener('click', () => void run());
byId('close').addEventListener('click', () => {
  if (typeof google !== 'undefined') google.script.host.close();
});
void run();
