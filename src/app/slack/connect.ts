/**
 * Connecting Slack (the owner's): an incoming-webhook URL (Slack > Apps > Incoming Webhooks) kept in
 * document properties, never in a cell; shown again only with its secret part hidden.
 */
import { SLACK_WEBHOOK_PREFIX, slackMessages, type SlackView } from '../../shared/slack';
import { readSlack, writeSlack } from '../../sheets/slack-store';
import { ownerEmail, sameEmail } from '../../sheets/team';
import type { AppContext } from '../context';
import { fail } from '../user-error';

/** https://hooks.slack.com/services/T…/B…/<secret>: letters and digits in three parts. */
const SLACK_URL = /^https:\/\/hooks\.slack\.com\/services\/[A-Z0-9]+\/[A-Z0-9]+\/[A-Za-z0-9]+$/;

function assertSlackOwner(ctx: AppContext): void {
  const owner = ownerEmail(ctx.doc);
  if (!sameEmail(ctx.actor.email, owner)) fail(slackMessages.ownerOnly(owner));
}

export function slackView(ctx: AppContext): SlackView {
  const slack = readSlack(ctx.doc);
  if (!slack) return { connected: false, url: '', disabled: null };
  const parts = slack.url.slice(SLACK_WEBHOOK_PREFIX.length).split('/');
  return {
    connected: true,
    url: `${SLACK_WEBHOOK_PREFIX}${parts.slice(0, 2).join('/')}/••••••••`,
    disabled: slack.disabled,
  };
}

export function connectSlack(ctx: AppContext, input: { url: string }): SlackView {
  assertSlackOwner(ctx);
  const url = String(input?.url ?? '').trim();
  if (!SLACK_URL.test(url)) fail(slackMessages.urlInvalid(url));
  writeSlack(ctx.doc, { url, disabled: null });
  ctx.commit();
  return slackView(ctx);
}

export function disconnectSlack(ctx: AppContext): SlackView {
  assertSlackOwner(ctx);
  writeSlack(ctx.doc, null);
  ctx.commit();
  return slackView(ctx);
}

export function getSlack(ctx: AppContext): SlackView {
  assertSlackOwner(ctx);
  return slackView(ctx);
}
