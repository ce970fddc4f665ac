/**
 * What the add-on knows of each partner's view file, kept in the document properties (read with all
 * the others, once per execution; written with the hourly run's final property write): per partner
 * the file id, the fingerprint of what it holds, who it is shared with (e-mail -> permission id),
 * its sheets' grid rows and its generation; and the run's own record (the audit tail it last saw,
 * the files made today). Spread over values of at most 8,000 characters (Google: 9 KB a value, 500
 * KB a store): about 150 characters a partner, so 500 partners take ten values.
 *
 * Nothing here is a secret: of a registration link only the hash of its secret is kept (app/partners/
 * links.ts); the secret itself is in the owner's user properties and the partner's own file.
 */
import type { TrackerDocument } from './document';

export const VIEWS_META_PROPERTY = 'tracker.views';
const SHARD_PREFIX = 'tracker.views.';
const SHARD_CHARS = 8000;

export interface ViewEntry {
  /** The file id ('' when the partner has none yet, or its last one was closed). */
  f: string;
  /** Fingerprint of the content written ('' none). */
  h: string;
  /** Shared with: e-mail -> permission id. */
  v: Record<string, string>;
  /** Grid rows of the file's four sheets ([] unknown: a file found again after a failed run). */
  g: number[];
  /** Generation: raised when a file is closed, so its successor is told apart from it. */
  n: number;
  /** The registration link's number: raised by rotatePartnerLink (audited as "link N"). */
  k?: number;
  /** Hash of the partner's registration secret (domain/partners/link-secret.ts): never the secret. */
  s?: string;
  /**
   * Contacts newly given the view and not yet welcomed by e-mail (MailApp's quota): the welcome is
   * rendered when it is sent (app/partners/welcome-mail.ts), so waiting costs a few bytes, not a message.
   */
  w?: string[];
  /**
   * Digests of what the view written was made of (app/partners/views.ts): the partner's own rows
   * (`d`) and what every view shares (`c`). A view whose two still match is not re-rendered.
   */
  d?: string;
  c?: string;
}

export interface ViewsMeta {
  /** The audit tail the last complete refresh saw (nothing changed while it is the same). */
  tail: string;
  /** Work left (files not made yet: quota, time). */
  pending: boolean;
  /** Files made on `day` (UTC). */
  day: string;
  made: number;
  /** Day on which Google refused a file for its quota: no more tries that day. */
  refused: string;
  /** Number of shard values written last time. */
  shards: number;
}

export function emptyEntry(): ViewEntry {
  return { f: '', h: '', v: {}, g: [], n: 0 };
}

export function readViewsMeta(doc: TrackerDocument): ViewsMeta {
  const fallback: ViewsMeta = { tail: '', pending: false, day: '', made: 0, refused: '', shards: 0 };
  try {
    return { ...fallback, ...(JSON.parse(doc.property(VIEWS_META_PROPERTY) ?? '{}') as Partial<ViewsMeta>) };
  } catch {
    return fallback;
  }
}

export function readViewEntries(doc: TrackerDocument, meta: ViewsMeta): Map<string, ViewEntry> {
  const out = new Map<string, ViewEntry>();
  for (let i = 0; i < meta.shards; i++) {
    try {
      const shard = JSON.parse(doc.property(`${SHARD_PREFIX}${i}`) ?? '{}') as Record<string, ViewEntry>;
      for (const [id, entry] of Object.entries(shard)) out.set(id, { ...emptyEntry(), ...entry });
    } catch {
      // a value that cannot be read: its files are found again by their appProperties
    }
  }
  return out;
}

/** Queues the entries and the meta for the execution's next property write. */
export function queueViewState(
  doc: TrackerDocument,
  meta: ViewsMeta,
  entries: ReadonlyMap<string, ViewEntry>,
): void {
  const shards: string[] = [];
  let current: Record<string, ViewEntry> = {};
  let size = 2;
  for (const [id, entry] of [...entries.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const piece = JSON.stringify(id).length + JSON.stringify(entry).length + 2;
    if (size + piece > SHARD_CHARS && Object.keys(current).length) {
      shards.push(JSON.stringify(current));
      current = {};
      size = 2;
    }
    current[id] = entry;
    size += piece;
  }
  if (Object.keys(current).length) shards.push(JSON.stringify(current));
  shards.forEach((text, i) => doc.setProperty(`${SHARD_PREFIX}${i}`, text));
  for (let i = shards.length; i < meta.shards; i++) doc.setProperty(`${SHARD_PREFIX}${i}`, '{}');
  doc.setProperty(
    VIEWS_META_PROPERTY,
    JSON.stringify({ ...meta, shards: Math.max(shards.length, meta.shards) }),
  );
}
