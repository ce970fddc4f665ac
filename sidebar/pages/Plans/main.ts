/**
 * The Plans page: every plan with its versions (newest first, each with the day it applies from and
 * a live example), and a form to create a plan or edit one as a new version effective from a day.
 * The example under the form is computed as you type by the engine itself (planExample, the same
 * domain code the ledger uses); every error shows next to its field. Below, the exchange rates deals
 * in another currency are converted at, and a CSV import of rates (refused whole, each problem
 * under the file field).
 */
import type { ExchangeRates, PlanInput } from '../../../src/shared/api';
import { planExample } from '../../../src/domain/commissions/plan-example';
import { byId, h, replace, setText } from '../../common/dom';
import { clearFieldErrors, fillForm, readForm, showFieldErrors } from '../../common/form';
import { startPage } from '../../common/page';
import { readFileText } from '../../common/file-text';
import { groupBy, localIsoDay } from '../../common/values';

type ListedPlan = PlanInput & { invalid?: string };

const page = startPage();
const form = byId<HTMLFormElement>('plan-form');
const listView = byId('list-view');
let plans: ListedPlan[] = [];
let returnFocus: HTMLElement | null = null;

const today = () => localIsoDay(new Date());
const NUMBER_FIELDS = ['rate', 'months', 'holdDays'] as const;

/** The form as a PlanInput (numbers as numbers; bands as the sheet's text) and its example deal. */
function formPlan(): { plan: Record<string, unknown>; exampleValue: string } {
  const { exampleValue = '', ...values } = readForm(form);
  const plan: Record<string, unknown> = { ...values };
  for (const key of NUMBER_FIELDS) {
    const text = values[key];
    if (text !== undefined && /^-?\d+(\.\d+)?$/.test(text)) plan[key] = Number(text);
  }
  const type = values.type;
  // fields of other plan types are not part of this plan
  if (type !== 'tiered') {
    delete plan.bands;
    delete plan.mode;
  }
  if (type !== 'flat') delete plan.amount;
  if (type !== 'recurring') delete plan.months;
  if (type !== 'percent' && type !== 'recurring') delete plan.rate;
  return { plan, exampleValue };
}

function showTypeFields(): void {
  const type = byId<HTMLSelectElement>('type').value;
  for (const el of Array.from(form.querySelectorAll<HTMLElement>('[data-for]')))
    el.hidden = !(el.dataset.for ?? '').split(' ').includes(type);
}

function updateExample(): void {
  const { plan, exampleValue } = formPlan();
  const result = planExample(plan, {
    value: exampleValue || '0',
    closedOn: String(plan.effectiveFrom || today()),
  });
  setText(byId('example'), result.ok ? result.text : 'Complete the highlighted fields to see an example.');
}

function versionItem(plan: ListedPlan): HTMLLIElement {
  const example = planExample(plan, { value: '40000', closedOn: plan.effectiveFrom || today() });
  return h(
    'li',
    { testid: 'version', dataset: { id: plan.id ?? '' } },
    h('div', { className: 'card-sub', text: `${plan.id ?? ''} · from ${plan.effectiveFrom || 'the start'}` }),
    plan.invalid
      ? h('div', { className: 'version-invalid', text: plan.invalid })
      : h('div', { testid: 'version-example', text: example.ok ? example.text : '' }),
  );
}

function planCard(name: string, versions: ListedPlan[]): HTMLLIElement {
  const newest = versions[0];
  const edit = h('button', {
    className: 'small',
    text: 'Edit',
    attrs: { type: 'button', 'aria-label': `Edit ${name} (as a new version)` },
    testid: 'edit',
  });
  edit.addEventListener('click', () => openForm(newest, edit));
  return h(
    'li',
    { className: 'card', testid: 'plan', dataset: { name } },
    h('div', { className: 'card-head' }, h('div', { className: 'card-title', text: name })),
    h('div', {
      className: 'card-sub',
      text: `${newest.type}${newest.currency ? ` · ${newest.currency}` : ''} · ${versions.length} version${versions.length === 1 ? '' : 's'}`,
    }),
    h('ul', { className: 'versions' }, ...versions.map(versionItem)),
    h('div', { className: 'actions' }, edit),
  );
}

/** Newest version first: the highest Plan ID was made last. */
const madeOrder = (plan: ListedPlan) => Number(/(\d+)$/.exec(plan.id ?? '')?.[1] ?? 0);

function renderList(): void {
  const families = groupBy(plans, (p) => p.name);
  const cards = [...families.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([name, versions]) =>
      planCard(
        name,
        [...versions].sort((a, b) => madeOrder(b) - madeOrder(a)),
      ),
    );
  replace(byId('plans'), ...cards);
  byId('empty').hidden = cards.length > 0;
  setText(byId('count'), cards.length ? `${cards.length} plan${cards.length === 1 ? '' : 's'}` : '');
}

async function loadList(): Promise<void> {
  const found = await page.run(() => page.client.call('listPlans'));
  if (!found) return;
  plans = found as ListedPlan[];
  renderList();
}

function openForm(plan: ListedPlan | null, opener: HTMLElement): void {
  returnFocus = opener;
  page.banner.clear();
  clearFieldErrors(form);
  form.reset();
  fillForm(form, {
    ...(plan ?? { type: 'percent', period: 'quarter', mode: 'graduated' }),
    bands: plan?.bands?.map((b) => `${b.from}:${b.rate}`).join('; ') ?? '',
    effectiveFrom: today(),
    exampleValue: '40000',
  });
  setText(byId('form-title'), plan ? `Edit ${plan.name}` : 'New plan');
  byId('version-hint').hidden = !plan;
  setText(byId('save'), plan ? 'Save new version' : 'Create plan');
  listView.hidden = true;
  form.hidden = false;
  showTypeFields();
  updateExample();
  byId('name').focus();
}

function closeForm(): void {
  form.hidden = true;
  listView.hidden = false;
  if (returnFocus?.isConnected) returnFocus.focus();
  else byId('add').focus();
}

form.addEventListener('input', () => updateExample());
byId('type').addEventListener('change', () => {
  showTypeFields();
  updateExample();
});

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (page.busy.active) return;
  page.banner.clear();
  clearFieldErrors(form);
  const { plan, exampleValue } = formPlan();
  const checked = planExample(plan, {
    value: exampleValue || '0',
    closedOn: String(plan.effectiveFrom || today()),
  });
  if (!checked.ok) {
    const errors = checked.errors.map((e) => ({ field: e.field.split('.')[0], message: e.message }));
    const rest = showFieldErrors(form, errors);
    if (rest.length) page.banner.error(...rest);
    return;
  }
  const { effectiveFrom, ...input } = plan;
  const saved = await page.run(
    () =>
      page.client.call('savePlan', input as unknown as PlanInput, {
        effectiveFrom: String(effectiveFrom ?? ''),
      }),
    { form },
  );
  if (!saved) return;
  returnFocus = null;
  closeForm();
  await loadList();
  page.banner.success(`Saved ${String(plan.name)} (${saved.id}), effective from ${saved.effectiveFrom}.`);
});

byId('cancel').addEventListener('click', () => {
  page.banner.clear();
  closeForm();
});
form.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') {
    page.banner.clear();
    closeForm();
  }
});
byId('add').addEventListener('click', (event) => openForm(null, event.currentTarget as HTMLElement));

// ---- Exchange rates (Settings' Rate Date / Rate Currency / Rate): listed, imported from a CSV -----

const ratesForm = byId<HTMLFormElement>('rates-form');

function showRates(rates: ExchangeRates): void {
  setText(
    byId('rates-hint'),
    `Units of ${rates.reportingCurrency} (Settings > Reporting Currency) per unit of each currency, from each date on.`,
  );
  replace(
    byId('rates-body'),
    ...rates.rates.map((rate) =>
      h(
        'tr',
        { testid: 'rate' },
        h('td', { text: rate.date }),
        h('td', { text: rate.currency }),
        h('td', { className: 'num', text: rate.rate }),
      ),
    ),
  );
  byId('rates-empty').hidden = rates.rates.length > 0;
  byId('rates-table').hidden = rates.rates.length === 0;
}

async function loadRates(): Promise<void> {
  const rates = await page.run(() => page.client.call('listExchangeRates'));
  if (rates) showRates(rates);
}

ratesForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (page.busy.active) return;
  page.banner.clear();
  clearFieldErrors(ratesForm);
  const file = byId<HTMLInputElement>('ratesCsv').files?.[0];
  if (!file) return page.invalid(ratesForm, [{ field: 'ratesCsv', message: 'Rates CSV: choose a CSV file' }]);
  const csv = await page.run(() => readFileText(file, 'Rates CSV'), { form: ratesForm });
  if (csv === undefined) return;
  const rates = await page.run(() => page.client.call('importExchangeRates', csv), { form: ratesForm });
  if (!rates) return;
  ratesForm.reset();
  showRates(rates);
  page.banner.success(`Imported the rates of ${file.name}.`);
});

void (async () => {
  await loadList();
  await loadRates();
})();
