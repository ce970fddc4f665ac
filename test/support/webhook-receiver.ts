/** A webhook receiver process for bundle tests, and reading what it got as verified Standard Webhooks. */
import { Webhook } from 'standardwebhooks';
import type { Emulator } from '../../emulator/harness';
import { startLocalServer, type LocalServer } from '../../emulator/http/local-servers';
import type { Received } from '../../emulator/http/webhook-receiver';

export type { Received };

export const HOOK_HOST = 'hooks.acme-crm.test';
export const HOOK_URL = `https://${HOOK_HOST}/partner-events`;

export function startReceiver(): Promise<LocalServer> {
  return startLocalServer('webhook-receiver');
}

/** Routes the add-on's requests for HOOK_HOST to the receiver. */
export function connect(emu: Emulator, receiver: LocalServer): void {
  emu.services.state.network.mapHost(HOOK_HOST, receiver.origin);
}

export interface Verified {
  id: string;
  type: string;
  timestamp: string;
  data: Record<string, string>;
}

/**
 * Verifies a received request with the standardwebhooks package (its 5-minute tolerance measured
 * from the request's own timestamp, since the emulator's clock is simulated) and returns the event.
 */
export function verify(secret: string, request: Received): Verified {
  const sentAt = Number(request.headers['webhook-timestamp']) * 1000;
  const realNow = Date.now;
  Date.now = () => sentAt;
  try {
    const payload = new Webhook(secret).verify(request.body, request.headers) as Omit<Verified, 'id'>;
    return { id: request.headers['webhook-id'], ...payload };
  } finally {
    Date.now = realNow;
  }
}
