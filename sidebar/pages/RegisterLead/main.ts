import type { FormOptions, LeadInput, RegisterLeadResult } from '../../../src/shared/api';
import { validateLeadInput } from '../../../src/shared/schema';
import { byId, chip, fillSelect, h, replace, setText } from '../../common/dom';
import { clearFieldErrors, readForm } from '../../common/form';
import { startPage } from '../../common/page';
import { partnerChoices } from '../../common/partners';
import { searchable } from '../../common/picker';
import { formatAmount } from '../../common/values';
import { LEAD_STATUS } from '../../../src/shared/statuses';
import { notSetUp } from '../../common/not-set-up';

const page = startPage();
const form = byId<HTMLFormElement>('lead-form');
const result = byId('result');
let options: FormOptions | undefined;

function fillOptions(loaded: FormOptions): void {
  options = loaded;
  const partners = partnerChoices(loaded.partners);
  fillSelect(byId<HTMLSelectElement>('partnerId'), partners, { placeholder: 'Choose a partner' });
  fillSelect(byId<HTMLSelectElement>('product'), loaded.products, { placeholder: '—' });
  fillSelect(
    byId<HTMLSelectElement>('currency'),
    loaded.currencies.length ? loaded.currencies : [loaded.defaultCurrency],
    {
      selected: loaded.defaultCurrency,
    },
  );
  const none = !partners.some((choice) => !choice.disabled);
  byId('empty').hidden = !none;
  form.hidden = none;
}

/**
 * The partner's "registration received" e-mail: queued by the registration, sent by a call of its
 * own that the person does not wait for (the form is already free); what it cannot send goes with
 * the next hourly run (over quota: when the quota renews).
 */
async function sendPartnerMail(registered: RegisterLeadResult): Promise<void> {
  const label = byId('result-mail-label');
  const line = byId('result-mail');
  label.hidden = line.hidden = !registered.mailOwed;
  if (!registered.mailOwed) return;
  setText(line, 'Sending…');
  line.className = 'muted';
  try {
    const delivery = await page.client.call('sendOwedMail', registered.id);
    line.className = '';
    setText(
      line,
      delivery.sent > 0 && delivery.queued === 0
        ? 'Sent'
        : delivery.queued > 0
          ? "Not sent yet: today's e-mail quota is used up; it goes when the quota renews"
          : 'Not sent: the partner has no e-mail address',
    );
  } catch {
    line.className = '';
    setText(line, 'Not sent yet: it goes with the next hourly run');
  }
}

function showResult(registered: RegisterLeadResult, lead: LeadInput): void {
  setText(byId('result-id'), registered.id);
  replace(byId('result-status'), chip(registered.status));
  // A registration protects the partner only once a reviewer approves it.
  setText(
    byId('result-expires'),
    registered.status === LEAD_STATUS.Approved
      ? `Until ${registered.expiresOn}`
      : 'Starts when a reviewer approves the lead',
  );
  const list = byId('conflicts');
  replace(
    list,
    ...registered.conflicts.map((conflict) =>
      h(
        'li',
        { className: 'conflict', testid: 'conflict', dataset: { leadId: conflict.leadId } },
        h('div', { text: conflict.reason }),
        h('div', { className: 'card-sub', text: `${conflict.leadId} · ${conflict.partnerName}` }),
      ),
    ),
  );
  byId('no-conflicts').hidden = registered.conflicts.length > 0;
  const value =
    lead.estimatedValue !== undefined ? ` (${formatAmount(lead.estimatedValue, lead.currency ?? '')})` : '';
  const count = registered.conflicts.length;
  if (count)
    page.banner.show(
      'info',
      `${lead.company}${value} was registered with ${count} conflict${count > 1 ? 's' : ''}: a reviewer will decide.`,
    );
  else page.banner.success(`${lead.company}${value} was registered as ${registered.id}.`);
  form.hidden = true;
  result.hidden = false;
  byId('result-title').focus();
  void sendPartnerMail(registered);
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (page.busy.active) return;
  page.banner.clear();
  const checked = validateLeadInput(readForm(form), options ?? {});
  if (!checked.ok) {
    page.invalid(form, checked.errors);
    return;
  }
  const lead = checked.value;
  const registered = await page.run(() => page.client.call('registerLead', lead), { form });
  if (registered) showResult(registered, lead);
});

form.addEventListener('reset', () => {
  clearFieldErrors(form);
  page.banner.clear();
  // After the reset has restored the defaults, put the default currency back.
  setTimeout(() => {
    if (options) byId<HTMLSelectElement>('currency').value = options.defaultCurrency;
  });
});

byId('another').addEventListener('click', () => {
  const partner = byId<HTMLSelectElement>('partnerId').value;
  form.reset();
  byId<HTMLSelectElement>('partnerId').value = partner;
  if (options) byId<HTMLSelectElement>('currency').value = options.defaultCurrency;
  result.hidden = true;
  form.hidden = false;
  page.banner.clear();
  byId('company').focus();
});

searchable(byId<HTMLSelectElement>('partnerId'), byId<HTMLInputElement>('partnerSearch'));

void page
  .run(() => page.client.call('getFormOptions'))
  .then((loaded) => {
    if (loaded) return fillOptions(loaded);
    // No options: never leave "Loading partners…" behind. Before set-up, say what to do.
    fillSelect(byId<HTMLSelectElement>('partnerId'), [], { placeholder: 'No partners' });
    if (notSetUp(byId('banner'))) {
      page.banner.clear();
      form.hidden = true;
      byId('not-set-up').hidden = false;
    }
  });
