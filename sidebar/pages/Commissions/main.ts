import type { Commission, FileDownload, Payout, PayoutExportFormat } from '../../../src/shared/api';
import { isIsoDay, labels } from '../../../src/shared/schema';
import { byId, chip, h, pair, replace, setText } from '../../common/dom';
import { Banner, readChecked, readForm } from '../../common/form';
import { startPage } from '../../common/page';
import { pagedList, searchAsYouType } from '../../common/paged';
import { PAGE_LIMIT_MAX } from '../../../src/shared/paging';
import { partnerNames } from '../../common/partners';
import { setupTabs } from '../../common/tabs';
import { documentToday, rememberToday } from '../../common/today';
import { formatAmount, groupBy, totalsByCurrency } from '../../common/values';
import { offerDownload } from './download';
import { COMMISSION_STATUS, PAYOUT_STATUS } from '../../../src/shared/statuses';

const page = startPage();
const linesForm = byId<HTMLFormElement>('lines-form');
const createForm = byId<HTMLFormElement>('create-form');
const exportForm = byId<HTMLFormElement>('export-form');
let names = new Map<string, string>();

const nameOf = (partnerId: string) => names.get(partnerId) ?? partnerId;

// ---- Eligible lines -------------------------------------------------------------------------

function lineRow(line: Commission): HTMLLabelElement {
  return h(
    'label',
    { className: 'line', testid: 'commission', dataset: { id: line.id } },
    h('input', { id: `line-${line.id}`, attrs: { type: 'checkbox', name: 'ids', value: line.id } }),
    h(
      'span',
      { className: 'line-body' },
      h(
        'span',
        { className: 'line-top' },
        h('span', { text: `${line.id} · ${line.kind}` }),
        h('span', { className: 'amount', text: formatAmount(line.amount, line.currency) }),
      ),
      h('span', { className: 'card-sub', text: `Lead ${line.leadId} · eligible ${line.eligibleOn}` }),
      line.explanation ? h('span', { className: 'card-sub', text: line.explanation }) : null,
    ),
  );
}

function partnerGroup(partnerId: string, lines: Commission[]): HTMLDivElement {
  const all = h('input', {
    id: `all-${partnerId}`,
    attrs: { type: 'checkbox', 'aria-label': `Select all lines of ${nameOf(partnerId)}` },
    testid: 'select-partner',
  });
  const group = h(
    'div',
    {
      className: 'group',
      testid: 'partner-group',
      dataset: { partner: partnerId },
      attrs: { role: 'group', 'aria-labelledby': `name-${partnerId}` },
    },
    h(
      'div',
      { className: 'group-head' },
      all,
      // The name is the checkbox's label: clicking it selects (or clears) the partner's lines.
      h('label', {
        id: `name-${partnerId}`,
        className: 'group-name',
        testid: 'partner-name',
        attrs: { for: `all-${partnerId}` },
        text: `${nameOf(partnerId)} (${partnerId})`,
      }),
    ),
    h('p', {
      className: 'group-total',
      text: `${lines.length} line${lines.length === 1 ? '' : 's'} · ${totalsByCurrency(lines)}`,
    }),
    ...lines.map(lineRow),
  );
  all.addEventListener('change', () => {
    for (const box of Array.from(group.querySelectorAll<HTMLInputElement>('input[name="ids"]')))
      box.checked = all.checked;
    updateSelection();
  });
  return group;
}

let eligible: Commission[] = [];

function updateSelection(): void {
  const chosen = new Set(readChecked(linesForm, 'ids'));
  for (const group of Array.from(linesForm.querySelectorAll<HTMLElement>('[data-testid="partner-group"]'))) {
    const boxes = Array.from(group.querySelectorAll<HTMLInputElement>('input[name="ids"]'));
    const all = group.querySelector<HTMLInputElement>('[data-testid="select-partner"]') as HTMLInputElement;
    const count = boxes.filter((box) => box.checked).length;
    all.checked = count === boxes.length;
    all.indeterminate = count > 0 && count < boxes.length;
  }
  const picked = eligible.filter((line) => chosen.has(line.id));
  setText(
    byId('selection'),
    picked.length
      ? `${picked.length} of ${eligibleTotal} selected · ${totalsByCurrency(picked)}`
      : `${eligibleTotal} eligible line${eligibleTotal === 1 ? '' : 's'}` +
          `${eligible.length < eligibleTotal ? ` (${eligible.length} shown)` : ''}. Select lines to approve or reject.`,
  );
}

/** Won deals that earn nothing, each with its reason (no exchange rate, no plan...): never a silent zero. */
async function loadNotComputed(): Promise<void> {
  const deals = await page.run(() => page.client.call('listNotComputed'));
  if (!deals) return;
  replace(
    byId('not-computed-list'),
    ...deals.map((d) =>
      h(
        'li',
        { className: 'card', testid: 'not-computed-deal', dataset: { lead: d.leadId } },
        h('div', { text: d.reason }),
      ),
    ),
  );
  byId('not-computed').hidden = deals.length === 0;
}

/**
 * Adjustments of lines already in an Approved or Paid payout, first: each is a line of its own that
 * waits (Pending) for a person's approval before it can be paid.
 */
function adjustmentsGroup(lines: Commission[]): HTMLElement {
  return h(
    'section',
    {
      className: 'group adjustments',
      testid: 'adjustments-group',
      attrs: { 'aria-labelledby': 'adjustments-title' },
    },
    h('h2', { id: 'adjustments-title', className: 'group-name', text: 'Adjustments after a payout' }),
    h('p', {
      className: 'group-total',
      text: `${lines.length} line${lines.length === 1 ? '' : 's'} · ${totalsByCurrency(lines)} · needs approval before it is paid`,
    }),
    ...lines.map((line) => {
      const row = lineRow(line);
      row.dataset.partner = line.partnerId;
      row.querySelector('.card-sub')!.textContent = `${nameOf(line.partnerId)} · Lead ${line.leadId}`;
      return row;
    }),
  );
}

const linesSearch = byId<HTMLInputElement>('search');
/** How many eligible lines match (over every page). */
let eligibleTotal = 0;
/** Pending adjustments of lines already paid out or exported: shown first, approvable here. */
let awaiting: Commission[] = [];

/** The eligible lines a page at a time (the most a page holds), searched on the server. */
const lineList = pagedList<Commission>({
  page,
  more: byId<HTMLButtonElement>('more-lines'),
  fetch: async (offset) => {
    const search = linesSearch.value.trim();
    // Adjustments of lines already in an Approved or Paid payout come first, whatever the search.
    if (offset === 0)
      awaiting = (
        await page.client.call('pageCommissions', {
          status: COMMISSION_STATUS.Pending,
          limit: PAGE_LIMIT_MAX,
        })
      ).items.filter((line) => line.awaitingApproval === true);
    return page.client.call('pageCommissions', {
      status: COMMISSION_STATUS.Eligible,
      offset,
      limit: PAGE_LIMIT_MAX,
      ...(search && { search }),
    });
  },
  show: (lines, total) => {
    const search = linesSearch.value.trim();
    // The lines ticked stay ticked when more are loaded.
    const ticked = new Set(readChecked(linesForm, 'ids'));
    eligible = [...awaiting, ...lines];
    eligibleTotal = total + awaiting.length;
    const groups = groupBy([...lines], (line) => line.partnerId);
    const ordered = [...groups.entries()].sort((a, b) => nameOf(a[0]).localeCompare(nameOf(b[0])));
    replace(
      byId('groups'),
      ...(awaiting.length ? [adjustmentsGroup(awaiting)] : []),
      ...ordered.map(([partnerId, items]) => partnerGroup(partnerId, items)),
    );
    for (const box of Array.from(linesForm.querySelectorAll<HTMLInputElement>('input[name="ids"]')))
      box.checked = ticked.has(box.value);
    byId('lines-empty').hidden = eligible.length > 0;
    setText(byId('lines-empty-title'), search ? 'No matching lines' : 'No lines to approve');
    setText(
      byId('lines-empty-text'),
      search
        ? `Nothing matches “${search}”. Try a line, lead, partner or plan.`
        : 'Commission lines appear here once their hold period is over.',
    );
    linesForm.hidden = eligible.length === 0;
    updateSelection();
  },
});

function loadLines(): Promise<void> {
  return lineList.reload();
}

searchAsYouType(linesSearch, () => void loadLines());

function selectedLines(verb: string): string[] | null {
  const ids = readChecked(linesForm, 'ids');
  if (ids.length) return ids;
  new Banner(byId('lines-error')).error(`Select at least one line to ${verb}.`);
  byId('lines-error').scrollIntoView({ block: 'nearest' });
  return null;
}

linesForm.addEventListener('change', updateSelection);
linesForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (page.busy.active) return;
  page.banner.clear();
  const ids = selectedLines('approve');
  if (!ids) return;
  const done = await page.run(() => page.client.call('approveCommissions', ids), {
    form: linesForm,
    near: byId('lines-error'),
  });
  if (!done) return;
  await loadLines();
  page.banner.success(`Approved ${done.approved} line${done.approved === 1 ? '' : 's'}.`);
});

byId('reject').addEventListener('click', async () => {
  if (page.busy.active) return;
  page.banner.clear();
  const ids = selectedLines('reject');
  if (!ids) return;
  const reason = readForm(linesForm).reason;
  if (!reason)
    return page.invalid(linesForm, [
      { field: 'reason', message: `${labels.reason} is required to reject lines` },
    ]);
  const done = await page.run(() => page.client.call('rejectCommissions', ids, reason), {
    form: linesForm,
    near: byId('lines-error'),
  });
  if (!done) return;
  byId<HTMLTextAreaElement>('reason').value = '';
  await loadLines();
  page.banner.success(`Rejected ${done.rejected} line${done.rejected === 1 ? '' : 's'}.`);
});

// ---- Payouts --------------------------------------------------------------------------------

function payoutCard(payout: Payout): HTMLLIElement {
  const facts = h(
    'dl',
    { className: 'facts' },
    pair('Amount', formatAmount(payout.amount, payout.currency), 'amount'),
    pair('Lines', String(payout.lines)),
    pair('Created', payout.createdOn),
  );
  if (payout.paidOn) facts.append(pair('Paid on', payout.paidOn));
  if (payout.reference) facts.append(pair('Reference', payout.reference));
  const card = h(
    'li',
    { className: 'card', testid: 'payout', dataset: { id: payout.id } },
    h(
      'div',
      { className: 'card-head' },
      h(
        'label',
        { className: 'check card-title' },
        h('input', {
          id: `pick-${payout.id}`,
          attrs: { type: 'checkbox', name: 'payoutIds', value: payout.id, form: 'export-form' },
        }),
        payout.partnerName || payout.partnerId,
      ),
      chip(payout.status),
    ),
    h('div', { className: 'card-sub', text: [payout.id, payout.period].filter(Boolean).join(' · ') }),
    facts,
  );
  const actions = h('div', { className: 'actions' });
  if (payout.status === PAYOUT_STATUS.Draft) {
    const approve = h('button', {
      className: 'small primary',
      text: 'Approve',
      testid: 'approve',
      attrs: { type: 'button', 'aria-label': `Approve payout ${payout.id}` },
    });
    approve.addEventListener('click', () => void approvePayout(payout));
    actions.append(approve);
  }
  if (payout.status === PAYOUT_STATUS.Approved) {
    const paid = h('button', {
      className: 'small primary',
      text: 'Mark paid',
      testid: 'mark-paid',
      attrs: { type: 'button', 'aria-label': `Mark payout ${payout.id} paid` },
    });
    paid.addEventListener('click', () => openPayForm(card, payout, paid));
    actions.append(paid);
  }
  if (actions.childElementCount) card.append(actions);
  return card;
}

function openPayForm(card: HTMLElement, payout: Payout, opener: HTMLButtonElement): void {
  document.getElementById('pay-form')?.remove();
  page.banner.clear();
  const cancel = h('button', { text: 'Cancel', attrs: { type: 'button' } });
  const form = h(
    'form',
    { id: 'pay-form', className: 'pay-form', testid: 'pay-form', attrs: { novalidate: true } },
    h(
      'div',
      { className: 'field' },
      h('label', { className: 'required', attrs: { for: 'reference' }, text: 'Reference' }),
      h('input', {
        id: 'reference',
        attrs: { name: 'reference', type: 'text', required: true, autocomplete: 'off' },
      }),
    ),
    h(
      'div',
      { className: 'field' },
      h('label', { className: 'required', attrs: { for: 'paidOn' }, text: 'Paid On' }),
      h('input', {
        id: 'paidOn',
        attrs: { name: 'paidOn', type: 'date', required: true, value: documentToday() },
      }),
    ),
    h(
      'div',
      { className: 'actions' },
      h('button', { className: 'primary', text: 'Mark paid', testid: 'confirm', attrs: { type: 'submit' } }),
      cancel,
    ),
  );
  const close = () => {
    form.remove();
    opener.focus();
  };
  cancel.addEventListener('click', close);
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close();
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (page.busy.active) return;
    page.banner.clear();
    const { reference, paidOn } = readForm(form);
    const errors = [];
    if (!reference)
      errors.push({
        field: 'reference',
        message: 'Reference is required (the payment reference from your bank or provider)',
      });
    if (!paidOn || !isIsoDay(paidOn))
      errors.push({ field: 'paidOn', message: 'Paid On is required (a date)' });
    if (errors.length) return page.invalid(form, errors);
    const done = await page.run(() => page.client.call('markPayoutPaid', payout.id, reference, paidOn), {
      form,
    });
    if (!done) return;
    await loadPayouts();
    page.banner.success(`${done.id} marked paid on ${done.paidOn}.`);
    byId('banner').focus();
  });
  card.append(form);
  byId('reference').focus();
}

async function approvePayout(payout: Payout): Promise<void> {
  const done = await page.run(() => page.client.call('approvePayout', payout.id));
  if (!done) return;
  await loadPayouts();
  page.banner.success(
    `${done.id} approved: ${formatAmount(done.amount, done.currency)} to ${done.partnerName}.`,
  );
  byId('banner').focus();
}

async function loadPayouts(): Promise<void> {
  const payouts = await page.run(() => page.client.call('listPayouts'));
  if (!payouts) return;
  replace(byId('payouts'), ...payouts.map(payoutCard));
  byId('payouts-empty').hidden = payouts.length > 0;
  exportForm.hidden = payouts.length === 0;
}

createForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (page.busy.active) return;
  page.banner.clear();
  const { throughDate } = readForm(createForm);
  if (!throughDate || !isIsoDay(throughDate))
    return page.invalid(createForm, [
      { field: 'throughDate', message: 'Choose the last eligible date to include' },
    ]);
  const created = await page.run(() => page.client.call('createPayouts', throughDate), { form: createForm });
  if (!created) return;
  await loadPayouts();
  page.banner.success(
    created.length
      ? `Created ${created.length} draft payout${created.length === 1 ? '' : 's'}.`
      : `No approved lines eligible through ${throughDate} (or every partner is under the minimum payout).`,
  );
});

exportForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (page.busy.active) return;
  page.banner.clear();
  // A new export replaces the last one: its link goes before anything else can fail.
  byId('download').hidden = true;
  byId<HTMLAnchorElement>('download-link').removeAttribute('href');
  const near = byId('export-error');
  const ids = readChecked(exportForm, 'payoutIds');
  if (!ids.length) {
    new Banner(near).error('Select at least one payout to export.');
    return near.scrollIntoView({ block: 'nearest' });
  }
  const format = byId<HTMLSelectElement>('format').value as PayoutExportFormat;
  const file: FileDownload | undefined = await page.run(
    () => page.client.call('exportPayouts', ids, format),
    { form: exportForm, near },
  );
  if (file) offerDownload(file, byId<HTMLAnchorElement>('download-link'), byId('download'));
});

let payoutsLoaded = false;
setupTabs(document.querySelector('[role="tablist"]') as HTMLElement, (tab) => {
  page.banner.clear();
  if (tab.id === 'tab-payouts' && !payoutsLoaded) {
    payoutsLoaded = true;
    void loadPayouts();
  }
});

void (async () => {
  const options = await page.run(() => page.client.call('getFormOptions'));
  if (options) names = partnerNames(options.partners);
  await loadNotComputed();
  rememberToday(options);
  byId<HTMLInputElement>('throughDate').value = documentToday();
  await loadLines();
})();
