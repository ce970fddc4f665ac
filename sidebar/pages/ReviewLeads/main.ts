import type { CloseOutcome, Lead, LeadFilter, ReviewDecision } from '../../../src/shared/api';
import { validateCloseDetails, validateReviewDecision } from '../../../src/shared/schema';
import { byId, chip, h, pair, replace, setText } from '../../common/dom';
import { readForm } from '../../common/form';
import { startPage } from '../../common/page';
import { setupTabs } from '../../common/tabs';
import { documentDecimal, documentToday, rememberToday } from '../../common/today';
import { formatAmount } from '../../common/values';
import { LEAD_STATUS } from '../../../src/shared/statuses';

type Action = ReviewDecision | CloseOutcome;

const page = startPage();
const list = byId('leads');
type View = 'queue' | 'approved';
let view: View = 'queue';

const VIEWS: Record<View, { filter: LeadFilter; empty: [string, string] }> = {
  queue: {
    filter: { queue: true },
    empty: ['Nothing to review', 'New registrations appear here, those with conflicts first.'],
  },
  approved: {
    filter: { status: LEAD_STATUS.Approved },
    empty: ['No approved leads', 'Approved leads appear here to be extended or closed as won or lost.'],
  },
};

function leadCard(lead: Lead): HTMLLIElement {
  const value = lead.estimatedValue !== null ? formatAmount(lead.estimatedValue, lead.currency) : '';
  const contact = [lead.contactName, lead.contactEmail].filter(Boolean).join(' · ');
  const facts = h('dl', { className: 'facts' });
  if (value) facts.append(pair('Value', value));
  facts.append(pair('Registered', lead.registeredOn));
  // Only an approved registration protects the partner; a submitted one waits for review.
  if (lead.status === LEAD_STATUS.Approved)
    facts.append(pair('Protected until', lead.expiresOn, 'expires-on'));
  if (lead.domain) facts.append(pair('Domain', lead.domain));
  if (contact) facts.append(pair('Contact', contact));
  if (lead.product) facts.append(pair('Product', lead.product));
  if (lead.decisionNote) facts.append(pair('Note', lead.decisionNote));
  const card = h(
    'li',
    { className: 'card', testid: 'lead', dataset: { id: lead.id } },
    h(
      'div',
      { className: 'card-head' },
      h('div', { className: 'card-title', text: lead.company }),
      chip(lead.status),
    ),
    h('div', { className: 'card-sub', text: `${lead.id} · ${lead.partnerName}` }),
    facts,
    lead.conflict
      ? h(
          'p',
          { className: 'conflict', testid: 'conflict' },
          h('strong', { text: 'Conflict: ' }),
          lead.conflict,
        )
      : null,
    lead.notes ? h('p', { className: 'card-sub', text: lead.notes }) : null,
  );
  const actions = h('div', { className: 'actions' });
  const button = (
    label: string,
    testid: string,
    onClick: (btn: HTMLButtonElement) => void,
    className = 'small',
  ) => {
    const btn = h('button', {
      className,
      text: label,
      testid,
      attrs: { type: 'button', 'aria-label': `${label}: ${lead.company}` },
    });
    btn.addEventListener('click', () => onClick(btn));
    actions.append(btn);
  };
  if (lead.status === LEAD_STATUS.Submitted) {
    button('Approve', 'approve', (btn) => openAction(card, lead, 'approve', btn), 'small primary');
    button('Reject', 'reject', (btn) => openAction(card, lead, 'reject', btn), 'small danger');
  }
  if (lead.status === LEAD_STATUS.Approved) {
    button(LEAD_STATUS.Won, 'won', (btn) => openAction(card, lead, 'won', btn), 'small primary');
    button(LEAD_STATUS.Lost, 'lost', (btn) => openAction(card, lead, 'lost', btn));
  }
  if (lead.status === LEAD_STATUS.Submitted || lead.status === LEAD_STATUS.Approved)
    button('Extend', 'extend', () => void extend(lead));
  if (actions.childElementCount) card.append(actions);
  return card;
}

function field(name: string, label: string, control: HTMLElement, hint?: string): HTMLDivElement {
  const hintId = hint ? `${name}-hint` : undefined;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  return h(
    'div',
    { className: 'field' },
    h('label', { attrs: { for: name }, text: label }),
    control,
    hint ? h('p', { className: 'hint', id: hintId, text: hint }) : null,
  );
}

const ACTION_TEXT: Record<Action, string> = {
  approve: 'Approve lead',
  reject: 'Reject lead',
  won: 'Close as won',
  lost: 'Close as lost',
};

/** One inline form at a time, inside the lead's card. */
function openAction(card: HTMLElement, lead: Lead, action: Action, opener: HTMLButtonElement): void {
  document.getElementById('action-form')?.remove();
  page.banner.clear();
  const form = h('form', {
    id: 'action-form',
    className: 'action-form',
    testid: 'action-form',
    dataset: { action },
    attrs: { novalidate: true },
  });
  if (action === 'approve' || action === 'reject') {
    form.append(
      field('note', 'Decision Note', h('textarea', { id: 'note', attrs: { name: 'note', rows: 2 } })),
    );
    if (action === 'approve' && lead.conflict) form.append(overlapConfirmation(lead));
  } else if (action === 'won') {
    form.append(
      field(
        'dealValue',
        'Deal Value',
        h('input', {
          id: 'dealValue',
          attrs: { name: 'dealValue', type: 'text', inputmode: 'decimal', required: true },
        }),
        `In ${lead.currency}.`,
      ),
      field(
        'closedOn',
        'Closed On',
        h('input', {
          id: 'closedOn',
          attrs: { name: 'closedOn', type: 'date', value: documentToday() },
        }),
      ),
    );
  } else {
    form.append(
      field('reason', 'Reason', h('textarea', { id: 'reason', attrs: { name: 'reason', rows: 2 } })),
    );
  }
  const cancel = h('button', { text: 'Cancel', attrs: { type: 'button' } });
  const submitClass = action === 'reject' ? 'danger' : 'primary';
  form.append(
    h(
      'div',
      { className: 'actions' },
      h('button', {
        className: submitClass,
        text: ACTION_TEXT[action],
        testid: 'confirm',
        attrs: { type: 'submit' },
      }),
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
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!page.busy.active) void submitAction(form, lead, action);
  });
  card.append(form);
  (form.querySelector('textarea, input') as HTMLElement).focus();
}

/**
 * Approving a lead that overlaps another registration protects two partners for one company: the
 * reviewer says so explicitly (a checkbox the Approve button needs), the overlap in front of them.
 */
function overlapConfirmation(lead: Lead): HTMLDivElement {
  return h(
    'div',
    { className: 'field overlap', testid: 'overlap' },
    h('p', { className: 'conflict', text: `This lead overlaps: ${lead.conflict}.` }),
    h(
      'label',
      { className: 'check' },
      h('input', {
        id: 'confirmOverlap',
        attrs: { type: 'checkbox', name: 'confirmOverlap', value: 'yes' },
        testid: 'confirm-overlap',
      }),
      'Approve anyway: both registrations stay for the same company',
    ),
  );
}

async function submitAction(form: HTMLFormElement, lead: Lead, action: Action): Promise<void> {
  page.banner.clear();
  const values = readForm(form);
  if (action === 'approve' && lead.conflict && values.confirmOverlap !== 'yes')
    return page.invalid(form, [
      {
        field: 'confirmOverlap',
        message: 'Tick "Approve anyway" to approve a lead that overlaps another registration',
      },
    ]);
  let done: Lead | undefined;
  if (action === 'approve' || action === 'reject') {
    const checked = validateReviewDecision({ decision: action, note: values.note });
    if (!checked.ok) return page.invalid(form, checked.errors);
    const { note } = checked.value;
    done = await page.run(() => page.client.call('reviewLead', lead.id, action, note), { form });
  } else {
    const checked = validateCloseDetails(values, {
      outcome: action,
      currency: lead.currency,
      decimal: documentDecimal(),
    });
    if (!checked.ok) return page.invalid(form, checked.errors);
    const details = checked.value;
    done = await page.run(() => page.client.call('closeLead', lead.id, action, details), { form });
  }
  if (!done) return;
  await load();
  const verb = { approve: 'approved', reject: 'rejected', won: 'closed as won', lost: 'closed as lost' }[
    action
  ];
  page.banner.success(`${done.id} (${done.company}) ${verb}.`);
  byId('banner').focus();
}

async function extend(lead: Lead): Promise<void> {
  const done = await page.run(() => page.client.call('extendLead', lead.id));
  if (!done) return;
  await load();
  page.banner.success(`${done.id} (${done.company}) is protected until ${done.expiresOn}.`);
  byId('banner').focus();
}

const searchInput = byId<HTMLInputElement>('search');

/** The tab's leads, narrowed on the server by the search words (company, domain, partner, contact, id). */
async function load(): Promise<void> {
  const shown = view;
  const search = searchInput.value.trim();
  const filter: LeadFilter = search ? { ...VIEWS[shown].filter, search } : VIEWS[shown].filter;
  const leads = await page.run(() => page.client.call('listLeads', filter));
  if (!leads || shown !== view || search !== searchInput.value.trim()) return;
  replace(list, ...leads.map(leadCard));
  byId('empty').hidden = leads.length > 0;
  setText(byId('empty-title'), search ? 'No matching leads' : VIEWS[shown].empty[0]);
  setText(
    byId('empty-text'),
    search
      ? `Nothing here matches “${search}”. Try a company, domain, partner, contact or lead ID.`
      : VIEWS[shown].empty[1],
  );
  const conflicts = leads.filter((lead) => lead.conflict).length;
  setText(
    byId('count'),
    leads.length === 0
      ? ''
      : `${leads.length} lead${leads.length === 1 ? '' : 's'}${search ? ` matching “${search}”` : ''}` +
          (conflicts ? `, ${conflicts} with conflicts` : ''),
  );
}

setupTabs(document.querySelector('[role="tablist"]') as HTMLElement, (tab) => {
  view = tab.id === 'tab-approved' ? 'approved' : 'queue';
  byId('panel').setAttribute('aria-labelledby', tab.id);
  page.banner.clear();
  void load();
});
byId('tab-approved').setAttribute('aria-controls', 'panel');
byId('refresh').addEventListener('click', () => void load());
byId<HTMLFormElement>('search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void load();
});
// Clearing the box (its × or emptied by hand) shows the whole tab again.
searchInput.addEventListener('search', () => {
  if (searchInput.value.trim() === '') void load();
});
void load();
// The document's today for Closed On (read only; a failure leaves the browser's day).
page.client
  .call('getFormOptions')
  .then(rememberToday)
  .catch(() => undefined);
