import type { FormOptions, Partner } from '../../../src/shared/api';
import { PARTNER_STATUSES, validatePartnerInput } from '../../../src/shared/schema';
import { byId, chip, fillSelect, h, replace, setText } from '../../common/dom';
import { clearFieldErrors, fillForm, readChecked, readForm } from '../../common/form';
import { startPage } from '../../common/page';
import { pagedList, searchAsYouType } from '../../common/paged';
import { documentToday, rememberToday } from '../../common/today';
import { PARTNER_STATUS } from '../../../src/shared/statuses';
import { toggleLinks, viewsDone, statementsDone } from './links';
import { loadMailStatus, wireDismissNotKept } from './mail-status';

const page = startPage();
const form = byId<HTMLFormElement>('partner-form');
const listView = byId('list-view');
const searchInput = byId<HTMLInputElement>('search');
let options: FormOptions | undefined;
let returnFocus: HTMLElement | null = null;

function fillOptions(loaded: FormOptions): void {
  options = loaded;
  fillSelect(byId<HTMLSelectElement>('type'), loaded.types, { placeholder: 'Choose a type' });
  fillSelect(byId<HTMLSelectElement>('tier'), loaded.tiers, { placeholder: '—' });
  fillSelect(byId<HTMLSelectElement>('region'), loaded.regions, { placeholder: '—' });
  fillSelect(byId<HTMLSelectElement>('plan'), loaded.plans, { placeholder: 'No plan' });
  fillSelect(byId<HTMLSelectElement>('status'), [...PARTNER_STATUSES], { selected: PARTNER_STATUS.Active });
  const group = byId('productFocus-choices');
  if (loaded.products.length === 0) {
    replace(
      group,
      h('input', {
        id: 'productFocus',
        attrs: { name: 'productFocus', type: 'text', 'aria-labelledby': 'productFocus-legend' },
      }),
    );
  } else {
    replace(
      group,
      ...loaded.products.map((product, i) =>
        h(
          'label',
          { className: 'check' },
          h('input', {
            id: `productFocus-${i}`,
            attrs: { type: 'checkbox', name: 'productFocus', value: product },
          }),
          product,
        ),
      ),
    );
  }
}

function partnerCard(partner: Partner): HTMLLIElement {
  const edit = h('button', {
    className: 'small',
    text: 'Edit',
    attrs: { type: 'button', 'aria-label': `Edit ${partner.partnerName}` },
    testid: 'edit',
  });
  edit.addEventListener('click', () => openForm(partner, edit));
  const scorecard = h('button', {
    className: 'small',
    text: 'Scorecard',
    attrs: { type: 'button', 'aria-label': `Scorecard of ${partner.partnerName}` },
    testid: 'scorecard',
  });
  scorecard.addEventListener(
    'click',
    () => void page.run(() => page.client.call('showPartnerScorecard', partner.id)),
  );
  const links = h('button', {
    className: 'small',
    text: 'Links',
    attrs: { type: 'button', 'aria-label': `Links of ${partner.partnerName}`, 'aria-expanded': 'false' },
    testid: 'links',
  });
  const details = [partner.type, partner.tier, partner.region].filter(Boolean).join(' · ');
  const card = h(
    'li',
    { className: 'card', testid: 'partner', dataset: { id: partner.id } },
    h(
      'div',
      { className: 'card-head' },
      h('div', { className: 'card-title', text: partner.partnerName }),
      chip(partner.status),
    ),
    h('div', { className: 'card-sub', text: [partner.id, details].filter(Boolean).join(' · ') }),
    partner.contactName || partner.contactEmail
      ? h('div', { text: [partner.contactName, partner.contactEmail].filter(Boolean).join(' · ') })
      : null,
    partner.plan ? h('div', { className: 'card-sub', text: `Plan: ${partner.plan}` }) : null,
    h('div', { className: 'actions' }, edit, scorecard, links),
  );
  links.addEventListener('click', () => toggleLinks(page, partner, card, links));
  return card;
}

function renderList(partners: readonly Partner[], total: number): void {
  const search = searchInput.value.trim();
  replace(byId('partners'), ...partners.map(partnerCard));
  const none = partners.length === 0;
  byId('empty').hidden = !none;
  setText(byId('empty-title'), search ? 'No matching partners' : 'No partners yet');
  setText(
    byId('empty-text'),
    search
      ? `Nothing matches “${search}”. Try a name, contact, email or ID.`
      : 'Add your first partner to start registering leads.',
  );
  setText(
    byId('count'),
    none
      ? ''
      : `${total} partner${total === 1 ? '' : 's'}${search ? ` matching “${search}”` : ''}` +
          `${partners.length < total ? `, ${partners.length} shown` : ''}`,
  );
}

/** The partners a page at a time, searched on the server (pagePartners). */
const partnerList = pagedList<Partner>({
  page,
  more: byId<HTMLButtonElement>('more'),
  fetch: (offset) => {
    const search = searchInput.value.trim();
    return page.client.call('pagePartners', { offset, ...(search && { search }) });
  },
  show: renderList,
});

function loadList(): Promise<void> {
  return partnerList.reload();
}

function openForm(partner: Partner | null, opener: HTMLElement): void {
  returnFocus = opener;
  page.banner.clear();
  clearFieldErrors(form);
  form.reset();
  if (partner) fillForm(form, { ...partner });
  else fillForm(form, { status: PARTNER_STATUS.Active, joinedOn: documentToday() });
  setText(byId('form-title'), partner ? `Edit ${partner.partnerName}` : 'Add partner');
  setText(byId('save'), partner ? 'Save changes' : 'Add partner');
  listView.hidden = true;
  form.hidden = false;
  byId('partnerName').focus();
}

function closeForm(): void {
  form.hidden = true;
  listView.hidden = false;
  if (returnFocus?.isConnected) returnFocus.focus();
  else byId('add').focus();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (page.busy.active) return;
  page.banner.clear();
  const values: Record<string, string> = readForm(form);
  const focus = readChecked(form, 'productFocus');
  if (focus.length) values.productFocus = focus.join(', ');
  const checked = validatePartnerInput(values, options ?? {});
  if (!checked.ok) {
    page.invalid(form, checked.errors);
    return;
  }
  const partner = checked.value;
  const saved = await page.run(() => page.client.call('savePartner', partner), { form });
  if (!saved) return;
  returnFocus = null;
  closeForm();
  await loadList();
  page.banner.success(`${partner.id ? 'Saved' : 'Added'} ${partner.partnerName} (${saved.id}).`);
  const card = byId('partners').querySelector<HTMLElement>(`[data-id="${CSS.escape(saved.id)}"] button`);
  card?.focus();
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
byId('update-views').addEventListener('click', () => {
  void page
    .run(() => page.client.call('refreshPartnerViews'))
    .then((report) => {
      if (report) page.banner.show(report.errors.length ? 'error' : 'success', ...viewsDone(report));
      return loadMailStatus(page);
    });
});
byId('send-statements').addEventListener('click', () => {
  void page
    .run(() => page.client.call('sendStatements'))
    .then((report) => {
      if (report) page.banner.success(statementsDone(report));
      return loadMailStatus(page);
    });
});
wireDismissNotKept(page);
byId('add').addEventListener('click', (event) => openForm(null, event.currentTarget as HTMLElement));
searchAsYouType(searchInput, () => void loadList());

void (async () => {
  const loaded = await page.run(() => page.client.call('getFormOptions'));
  rememberToday(loaded);
  if (loaded) fillOptions(loaded);
  await loadList();
  await loadMailStatus(page);
})();
