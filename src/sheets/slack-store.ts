/**
 * The Slack incoming webhook, in document properties (`tracker.slack`): its URL is a secret (anyone
 * holding it can post to the channel), so it is never in a cell and never shown whole again.
 */
import type { TrackerDocument } from './document';

export const SLACK_PROPERTY = 'tracker.slack';

export interface StoredSlack {
  url: string;
  disabled: string | null;
}

export function readSlack(doc: TrackerDocument): StoredSlack | null {
  const text = doc.property(SLACK_PROPERTY);
  if (!text) return null;
  try {
    const stored = JSON.parse(text) as StoredSlack;
    return stored && typeof stored.url === 'string' && stored.url ? stored : null;
  } catch {
    return null;
  }
}

export function writeSlack(doc: TrackerDocument, slack: StoredSlack | null): void {
  doc.setProperty(SLACK_PROPERTY, slack ? JSON.stringify(slack) : '');
}
