/**
 * The installable triggers of the script: who created them (they run as that user), what fires
 * them, and for time-driven ones when they fall due on the simulated clock:
 * - interval (everyMinutes / everyHours): n after creation, then every n;
 * - daily (everyDays(n), atHour(h), nearMinute(m)): at h:m on the trigger's time zone wall clock,
 *   the first time after creation, then every n days (deterministic where Apps Script randomizes
 *   within the hour); without atHour, at the creation time of day;
 * - once (after(ms) / at(date)): fires once, then is gone.
 */
import { zonedFields, zonedToUtc } from '../time-zone';

export type TriggerEventType = 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_FORM_SUBMIT' | 'ON_CHANGE';

export type Schedule =
  | { kind: 'interval'; everyMs: number }
  | { kind: 'daily'; everyDays: number; hour: number; minute: number; timeZone: string }
  | { kind: 'once'; atMs: number };

export interface TriggerRecord {
  uid: string;
  handler: string;
  eventType: TriggerEventType;
  source: 'SPREADSHEETS' | 'CLOCK';
  /** The spreadsheet id for spreadsheet triggers; null for time-driven ones. */
  sourceId: string | null;
  /** The document the trigger was created in (an add-on's triggers belong to one). */
  documentId: string | null;
  /** The creator: the trigger runs as this user. */
  owner: string;
  createdMs: number;
  schedule?: Schedule;
  /** Next time a time-driven trigger falls due. */
  nextFireMs?: number;
}

export const DAY_MS = 86_400_000;

/** The first firing strictly after `afterMs` (creation), or the one after `lastFireMs`. */
export function nextFire(schedule: Schedule, createdMs: number, lastFireMs?: number): number | undefined {
  switch (schedule.kind) {
    case 'once':
      return lastFireMs === undefined ? schedule.atMs : undefined;
    case 'interval':
      return (lastFireMs ?? createdMs) + schedule.everyMs;
    case 'daily': {
      const { hour, minute, timeZone, everyDays } = schedule;
      if (lastFireMs !== undefined) {
        const f = zonedFields(lastFireMs, timeZone);
        return zonedToUtc(f.year, f.month, f.day + everyDays, hour, minute, timeZone);
      }
      const f = zonedFields(createdMs, timeZone);
      const today = zonedToUtc(f.year, f.month, f.day, hour, minute, timeZone);
      return today > createdMs
        ? today
        : zonedToUtc(f.year, f.month, f.day + everyDays, hour, minute, timeZone);
    }
  }
}

/** The next `count` firing times of a schedule (for tests and the playground's trigger view). */
export function nextFireTimes(schedule: Schedule, createdMs: number, count: number): number[] {
  const times: number[] = [];
  let last: number | undefined;
  for (let i = 0; i < count; i++) {
    const next = nextFire(schedule, createdMs, last);
    if (next === undefined) break;
    times.push(next);
    last = next;
  }
  return times;
}

export class TriggerRegistry {
  private readonly records: TriggerRecord[] = [];
  /** Users who granted every scope of the manifest (the consent screen accepted as a whole). */
  readonly authorizedUsers = new Set<string>();
  /**
   * Users who granted only some scopes (Google's granular consent screen lets a person untick
   * some): what they granted. Takes precedence over `authorizedUsers`; an empty set is a person
   * who granted nothing.
   */
  readonly partialGrants = new Map<string, Set<string>>();
  /**
   * Whether getUserTriggers(document) lists an add-on's time-driven triggers created in that
   * document: Google does not document it. True by default; a test sets false for the other case.
   */
  userTriggersListAddOnClocks = true;

  /** Whether `user` has answered a consent screen at all (granted everything, or some). */
  hasConsented(user: string): boolean {
    return this.authorizedUsers.has(user) || this.partialGrants.has(user);
  }
  /** The scopes of `manifest` that `user` granted. */
  grantedScopes(user: string, manifest: readonly string[]): string[] {
    const partial = this.partialGrants.get(user);
    if (partial) return manifest.filter((scope) => partial.has(scope));
    return this.authorizedUsers.has(user) ? [...manifest] : [];
  }
  /** The person grants only these scopes (a later call replaces the grant). */
  grantOnly(user: string, scopes: readonly string[]): void {
    this.authorizedUsers.delete(user);
    this.partialGrants.set(user, new Set(scopes));
  }
  /** The person's grant is withdrawn (ScriptApp.invalidateAuth, or revoked in their account). */
  revoke(user: string): void {
    this.authorizedUsers.delete(user);
    this.partialGrants.delete(user);
  }

  add(record: TriggerRecord): TriggerRecord {
    if (record.schedule) record.nextFireMs = nextFire(record.schedule, record.createdMs);
    this.records.push(record);
    return record;
  }
  remove(uid: string): void {
    const at = this.records.findIndex((r) => r.uid === uid);
    if (at >= 0) this.records.splice(at, 1);
  }
  get(uid: string): TriggerRecord | undefined {
    return this.records.find((r) => r.uid === uid);
  }
  all(): TriggerRecord[] {
    return [...this.records];
  }
  /** Plain data for scenario output: one line per trigger, next firing as ISO (null if none). */
  describe(): Array<{
    uid: string;
    handler: string;
    eventType: TriggerEventType;
    sourceId: string | null;
    owner: string;
    nextFire: string | null;
  }> {
    return this.records.map((r) => ({
      uid: r.uid,
      handler: r.handler,
      eventType: r.eventType,
      sourceId: r.sourceId,
      owner: r.owner,
      nextFire: r.nextFireMs === undefined ? null : new Date(r.nextFireMs).toISOString(),
    }));
  }
  ofUser(owner: string): TriggerRecord[] {
    return this.records.filter((r) => r.owner === owner);
  }
  /** The installable spreadsheet triggers of one type on a document, in creation order. */
  forDocument(documentId: string, eventType: TriggerEventType): TriggerRecord[] {
    return this.records.filter(
      (r) => r.source === 'SPREADSHEETS' && r.sourceId === documentId && r.eventType === eventType,
    );
  }
  /** Time-driven triggers due at or before `nowMs`, earliest first (ties in creation order). */
  dueTimeTriggers(nowMs: number): Array<{ trigger: TriggerRecord; atMs: number }> {
    return this.records
      .filter((r) => r.nextFireMs !== undefined && r.nextFireMs <= nowMs)
      .map((trigger) => ({ trigger, atMs: trigger.nextFireMs as number }))
      .sort((a, b) => a.atMs - b.atMs);
  }
  /** The earliest firing at or before `untilMs`, if any. */
  nextDue(untilMs: number): { trigger: TriggerRecord; atMs: number } | undefined {
    return this.dueTimeTriggers(untilMs)[0];
  }
  /** Records a firing: schedules the next one, or removes a one-shot trigger. */
  markFired(trigger: TriggerRecord, atMs: number): void {
    if (!trigger.schedule) return;
    const next = nextFire(trigger.schedule, trigger.createdMs, atMs);
    if (next === undefined) this.remove(trigger.uid);
    else trigger.nextFireMs = next;
  }
}
