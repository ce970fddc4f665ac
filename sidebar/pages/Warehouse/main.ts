import type { WarehouseState } from '../../../src/shared/api';
import { byId, setText, show } from '../../common/dom';
import { fillForm, readForm } from '../../common/form';
import { startPage } from '../../common/page';
import { formatInstant } from '../../common/values';

const page = startPage();
const form = byId<HTMLFormElement>('warehouse-form');

function render(state: WarehouseState): void {
  const on = state.config !== null;
  setText(byId('state'), on ? 'On' : 'Off');
  byId('state').className = on ? 'chip chip-active' : 'chip';
  show(byId('empty'), !on);
  show(byId('off'), on);
  show(byId('status'), on);
  setText(byId('save'), on ? 'Save' : 'Save and turn on');
  if (state.config) fillForm(form, { ...state.config });
  const run = state.lastRun;
  setText(
    byId('last-run'),
    run ? `${formatInstant(run.at)}: ${run.message}` : 'Not run yet: the next hourly run loads everything.',
  );
  byId('last-run').className = run && !run.ok ? 'banner banner-error' : '';
}

async function load(): Promise<void> {
  const state = await page.run(() => page.client.call('getWarehouse'));
  if (state) render(state);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const values = readForm(form);
  void page
    .run(() => page.client.call('saveWarehouse', { projectId: values.projectId, dataset: values.dataset }), {
      form,
    })
    .then((state) => {
      if (!state) return;
      render(state);
      page.banner.success('Saved: the next hourly run loads what changed.');
    });
});

byId('off').addEventListener('click', () => {
  void page
    .run(() => page.client.call('saveWarehouse', null))
    .then((state) => {
      if (!state) return;
      render(state);
      page.banner.success('Turned off: nothing more is loaded. What BigQuery holds stays there.');
    });
});

byId('verify').addEventListener('click', () => {
  void page
    .run(() => page.client.call('verifyWarehouseChain'))
    .then((verdict) => {
      if (!verdict) return;
      setText(
        byId('result'),
        verdict.ok
          ? `The history is whole: ${verdict.rowsChecked} audit rows verified in BigQuery.`
          : `The history is NOT whole: ${verdict.badHashes} rows changed, ${verdict.brokenLinks} broken links, ${verdict.missingRows} missing.`,
      );
    });
});

byId('connect').addEventListener('click', () => {
  void page
    .run(() => page.client.call('connectWarehouseSheets'))
    .then((made) => {
      if (!made) return;
      setText(byId('result'), `See the sheets "${made.dataSheet}" and "${made.pivotSheet}".`);
    });
});

void load();
