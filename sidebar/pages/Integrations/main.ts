import {
  WEBHOOK_EVENTS,
  type WebhookDeliveryView,
  type WebhookEndpointView,
  type WebhooksView,
} from '../../../src/shared/webhooks';
import type { SlackView } from '../../../src/shared/slack';
import type { HubSpotView } from '../../../src/shared/hubspot';
import { byId, chip, h, replace, setText } from '../../common/dom';
import { startPage } from '../../common/page';
import { formatInstant } from '../../common/values';

const page = startPage();
const form = byId<HTMLFormElement>('webhook-form');

replace(
  byId('events'),
  h('legend', { className: 'required', text: 'Events' }),
  ...WEBHOOK_EVENTS.map((event) =>
    h(
      'label',
      { className: 'check' },
      h('input', { attrs: { type: 'checkbox', name: 'events', value: event }, testid: `event-${event}` }),
      event,
    ),
  ),
);

function endpointItem(endpoint: WebhookEndpointView): HTMLLIElement {
  const test = h('button', { text: 'Send test', testid: 'test', attrs: { type: 'button' } });
  const remove = h('button', { text: 'Delete', testid: 'delete', attrs: { type: 'button' } });
  test.addEventListener('click', () => void act(() => page.client.call('testWebhook', endpoint.id)));
  remove.addEventListener('click', () => {
    if (!confirm(`Delete the webhook to ${endpoint.url}?`)) return;
    void act(async () => {
      await page.client.call('deleteWebhook', endpoint.id);
      return page.client.call('listWebhooks');
    });
  });
  return h(
    'li',
    { className: 'card', testid: 'endpoint' },
    h(
      'div',
      { className: 'card-head' },
      h('div', { className: 'card-title url', testid: 'endpoint-url', text: endpoint.url }),
      chip(endpoint.disabled ? 'Disabled' : 'Enabled', 'endpoint-status'),
    ),
    h('div', { className: 'card-sub', text: endpoint.events.join(', ') }),
    endpoint.disabled ? h('p', { className: 'field-error', text: endpoint.disabled }) : null,
    h('div', {
      className: 'card-sub',
      testid: 'pending',
      text: endpoint.pending ? `${endpoint.pending} waiting to be delivered` : 'Nothing waiting',
    }),
    h('div', { className: 'actions' }, test, remove),
  );
}

function deliveryItem(delivery: WebhookDeliveryView): HTMLLIElement {
  return h(
    'li',
    { className: 'card', testid: 'delivery' },
    h(
      'div',
      { className: 'card-head' },
      h('div', { className: 'card-title', text: delivery.type }),
      chip(delivery.outcome, 'delivery-outcome'),
    ),
    h('div', {
      className: 'card-sub',
      text: `${formatInstant(delivery.at)} · attempt ${delivery.attempt} · ${delivery.detail}`,
    }),
  );
}

function render(view: WebhooksView): void {
  replace(byId('endpoints'), ...view.endpoints.map(endpointItem));
  byId('empty').hidden = view.endpoints.length > 0;
  replace(byId('deliveries'), ...view.deliveries.map(deliveryItem));
  byId('no-deliveries').hidden = view.deliveries.length > 0;
  const dropped = byId('dropped');
  dropped.hidden = !view.dropped;
  setText(dropped, view.dropped ? `${view.dropped} events were not queued: the outbox was full.` : '');
}

async function act(task: () => Promise<WebhooksView>): Promise<void> {
  const view = await page.run(task);
  if (view) render(view);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const url = byId<HTMLInputElement>('url').value.trim();
  const events = [...form.querySelectorAll<HTMLInputElement>('input[name=events]:checked')].map(
    (input) => input.value,
  );
  void (async () => {
    const saved = await page.run(() => page.client.call('saveWebhook', { url, events }), { form });
    if (!saved) return;
    byId<HTMLInputElement>('secret').value = saved.secret;
    byId('secret-box').hidden = false;
    form.reset();
    await act(() => page.client.call('listWebhooks'));
  })();
});

const slackForm = byId<HTMLFormElement>('slack-form');

function renderSlack(view: SlackView): void {
  setText(
    byId('slack-status'),
    view.disabled
      ? `Stopped: ${view.disabled}. Connect again to resume.`
      : view.connected
        ? `Connected: ${view.url}`
        : 'Not connected.',
  );
  byId('slack-disconnect').hidden = !view.connected;
}

async function slackAct(task: () => Promise<SlackView>): Promise<void> {
  const view = await page.run(task, { form: slackForm });
  if (view) renderSlack(view);
}

slackForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const url = byId<HTMLInputElement>('slackUrl').value.trim();
  void slackAct(async () => {
    const view = await page.client.call('connectSlack', { url });
    slackForm.reset();
    return view;
  });
});
byId('slack-disconnect').addEventListener(
  'click',
  () => void slackAct(() => page.client.call('disconnectSlack')),
);

const hubspotForm = byId<HTMLFormElement>('hubspot-form');

async function hubspotAct(task: () => Promise<HubSpotView>): Promise<void> {
  const view = await page.run(task, { form: hubspotForm });
  if (!view) return;
  setText(
    byId('hubspot-status'),
    `${view.connected ? 'Connected: deals are synced every hour.' : 'Not connected.'}${
      view.stopped ? ` Last sync stopped: ${view.stopped}.` : ''
    }${view.unmatched.length ? ` Deals not applied: ${view.unmatched.length}.` : ''}`,
  );
  replace(
    byId('hubspot-unmatched'),
    ...view.unmatched.map((u) =>
      h(
        'li',
        { className: 'card', testid: 'unmatched-deal' },
        h('div', { className: 'card-title', text: `${u.name} (${u.dealId})` }),
        h('div', { className: 'card-sub', text: u.reason }),
      ),
    ),
  );
  byId('hubspot-disconnect').hidden = !view.connected;
}

hubspotForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const token = byId<HTMLInputElement>('hubspotToken').value;
  void hubspotAct(async () => {
    const view = await page.client.call('connectHubSpot', { token });
    hubspotForm.reset();
    return view;
  });
});
byId('hubspot-disconnect').addEventListener(
  'click',
  () => void hubspotAct(() => page.client.call('disconnectHubSpot')),
);

byId('refresh').addEventListener('click', () => void act(() => page.client.call('listWebhooks')));
void act(() => page.client.call('listWebhooks'))
  .then(() => slackAct(() => page.client.call('getSlack')))
  .then(() => hubspotAct(() => page.client.call('getHubSpot')));
