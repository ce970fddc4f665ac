/** Slack (an incoming webhook): what the Integrations page sees and the messages of bad input. */
export interface SlackView {
  connected: boolean;
  /** The webhook's address with its secret part hidden, or ''. */
  url: string;
  /** Why posting stopped (Slack answered 410: channel archived, or 404), or null. */
  disabled: string | null;
}

/** Slack's incoming webhooks live here (https://api.slack.com/messaging/webhooks). */
export const SLACK_WEBHOOK_PREFIX = 'https://hooks.slack.com/services/';

export const slackMessages = {
  urlInvalid: (url: string) =>
    `Slack webhook URL: '${url}' is not a Slack incoming-webhook address (${SLACK_WEBHOOK_PREFIX}...).`,
  ownerOnly: (owner: string) => `Only the tracker's owner (${owner}) can connect Slack.`,
} as const;
