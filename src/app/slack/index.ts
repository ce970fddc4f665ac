/** Slack: the connection, the immediate conflict messages (queued by every commit) and the daily digest. */
export { connectSlack, disconnectSlack, getSlack } from './connect';
export { SLACK_DIGEST_JOB } from './digest';
