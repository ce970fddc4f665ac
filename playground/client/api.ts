/** The playground server's JSON endpoints, as the page calls them. */
import type { ActionResult, OutboxMail, PlaygroundState, SheetView } from '../view-types';

async function json<T>(response: Response): Promise<T> {
  const body = (await response.json()) as T & { error?: string };
  if (!response.ok && !('ok' in (body as object))) throw new Error(body.error ?? `HTTP ${response.status}`);
  return body;
}

export async function getState(): Promise<PlaygroundState> {
  return json(await fetch('/api/state'));
}

export async function getSheet(name: string, rows?: number): Promise<SheetView> {
  const limit = rows ? `&rows=${rows}` : '';
  return json(await fetch(`/api/sheet?name=${encodeURIComponent(name)}${limit}`));
}

export async function post(path: string, body: Record<string, unknown> = {}): Promise<ActionResult> {
  return json(
    await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
}

export async function getOutbox(): Promise<OutboxMail[]> {
  return json(await fetch('/api/outbox'));
}
