/**
 * THE installer of the tracker's triggers: one hourly time-driven trigger (the scheduled jobs), one
 * edit and one change trigger on this spreadsheet (the audit of a person's edits). Set-up and the
 * end of the row adoption install through here; Help > Run self-test looks them up through here.
 *
 * Found as project triggers by handler name (ScriptApp.getProjectTriggers: the current user's
 * triggers of this script, for an add-on in every document they use it in), never with
 * getUserTriggers, whose listing of an add-on's time-driven triggers Google does not document:
 * - edit and change triggers name their spreadsheet (getTriggerSourceId): ours are those on this one;
 *   a second one with our handler is a duplicate (each edit would be audited twice) and is removed,
 *   as is one of that type with a handler the tracker no longer has (it would fail at every edit);
 * - a time-driven trigger names no document, so the one created here is remembered by its unique id
 *   in a document property. For an add-on, other documents' hourly triggers (same handler) are left
 *   alone; in a bound copy of the script (no add-on) every one is this document's, duplicates removed.
 * Creating one can fail: an editor add-on may have ONE trigger of each type per user per document,
 * and a user 20 triggers per script. Those refusals are caught and explained to the person.
 * https://developers.google.com/apps-script/reference/script/script-app#getProjectTriggers()
 * https://developers.google.com/workspace/add-ons/concepts/editor-triggers
 */

import { thrownMessage } from '../shared/scopes';

type Trigger = GoogleAppsScript.Script.Trigger;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const TRIGGER_HANDLERS = {
  hourly: 'onHourlyTrigger',
  edit: 'onTrackerEdit',
  change: 'onTrackerChange',
} as const;

export type TriggerKind = keyof typeof TRIGGER_HANDLERS;

/** Document property: the unique ids of the triggers installed for this document, by kind. */
export const TRIGGERS_PROPERTY = 'tracker.triggers';

/** Where the remembered ids live (the caller's document properties). */
export interface TriggerMemory {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

/** The memory kept in a TrackerDocument's properties (written with its next property flush). */
export function triggerMemory(doc: {
  property(key: string): string | null;
  setProperty(key: string, value: string): void;
}): TriggerMemory {
  return { get: (key) => doc.property(key), set: (key, value) => doc.setProperty(key, value) };
}

export interface TriggerReport {
  /** Handlers of the triggers created. */
  installed: string[];
  /** Handlers of the triggers removed (duplicates, or a handler the tracker no longer has). */
  removed: string[];
  /** What could not be installed and what the person can do, one message each. */
  problems: string[];
}

const KIND_WORDS: Record<TriggerKind, string> = {
  hourly: 'hourly (time-driven)',
  edit: 'edit',
  change: 'change',
};

/** Apps Script's refusals, recognized by their words. */
const PER_DOCUMENT = /too many .*triggers in this document/i;
const TOO_MANY = /too many triggers/i;

export const triggerMessages = {
  perDocument: (kind: TriggerKind) =>
    `The tracker could not add its ${KIND_WORDS[kind]} trigger: Google lets an add-on have one trigger of each type per person in each document, and this document already has one for you that the tracker cannot identify (made by an older version?). Remove the add-on's triggers (Extensions > Add-ons > Manage add-ons > Partnership Tracker > Remove, then install it again), then run Set up tracker.`,
  tooMany: (kind: TriggerKind) =>
    `The tracker could not add its ${KIND_WORDS[kind]} trigger: you have 20 triggers of Partnership Tracker, Google's limit per person across all your documents. Remove the tracker from spreadsheets you no longer use, then run Set up tracker again.`,
  other: (kind: TriggerKind, error: string) =>
    `The tracker could not add its ${KIND_WORDS[kind]} trigger: ${error}`,
} as const;

function eventTypeOf(kind: TriggerKind): GoogleAppsScript.Script.EventType {
  if (kind === 'hourly') return ScriptApp.EventType.CLOCK;
  return kind === 'edit' ? ScriptApp.EventType.ON_EDIT : ScriptApp.EventType.ON_CHANGE;
}

function remembered(memory: TriggerMemory): Partial<Record<TriggerKind, string>> {
  try {
    return JSON.parse(memory.get(TRIGGERS_PROPERTY) ?? '{}') as Partial<Record<TriggerKind, string>>;
  } catch {
    return {};
  }
}

/** Whether this runs as an add-on (one trigger per type per document; triggers in many documents). */
function runsAsAddOn(): boolean {
  return ScriptApp.getInstallationSource() !== ScriptApp.InstallationSource.NONE;
}

interface Found {
  /** The tracker's trigger of each kind in this document (null: none). */
  ours: Record<TriggerKind, Trigger | null>;
  /** This document's triggers to remove: duplicates, and handlers the tracker no longer has. */
  extra: Map<TriggerKind, Trigger[]>;
}

/**
 * The tracker's triggers in this document among the user's project triggers (`all`: one
 * getProjectTriggers call by the caller). `addOn` is asked only when the hourly handler appears
 * more than once or unremembered.
 */
function classify(
  all: readonly Trigger[],
  ss: Spreadsheet,
  memory: TriggerMemory,
  addOn: () => boolean,
): Found {
  const ids = remembered(memory);
  const ssId = ss.getId();
  const handlers = new Set<string>(Object.values(TRIGGER_HANDLERS));
  const found: Found = { ours: { hourly: null, edit: null, change: null }, extra: new Map() };
  const drop = (kind: TriggerKind, t: Trigger) =>
    found.extra.set(kind, [...(found.extra.get(kind) ?? []), t]);
  for (const kind of ['edit', 'change'] as const) {
    const type = eventTypeOf(kind);
    const here = all.filter((t) => t.getEventType() === type && t.getTriggerSourceId() === ssId);
    for (const t of here) {
      if (t.getHandlerFunction() !== TRIGGER_HANDLERS[kind]) {
        if (!handlers.has(t.getHandlerFunction())) drop(kind, t);
      } else if (!found.ours[kind]) found.ours[kind] = t;
      else drop(kind, t);
    }
  }
  const clocks = all.filter((t) => t.getEventType() === ScriptApp.EventType.CLOCK);
  const hourly = clocks.filter((t) => t.getHandlerFunction() === TRIGGER_HANDLERS.hourly);
  const known = hourly.find((t) => t.getUniqueId() === ids.hourly) ?? null;
  if (known && hourly.length === 1) {
    found.ours.hourly = known;
  } else if (hourly.length || clocks.length) {
    if (!addOn()) {
      // A bound copy: every time-driven trigger of the project is this document's.
      found.ours.hourly = known ?? hourly[0] ?? null;
      for (const t of clocks)
        if (t !== found.ours.hourly && !handlers.has(t.getHandlerFunction())) drop('hourly', t);
      for (const t of hourly) if (t !== found.ours.hourly) drop('hourly', t);
    } else {
      // An add-on: the others are other documents' (or of a document the tracker cannot tell).
      found.ours.hourly = known;
    }
  }
  return found;
}

/** The tracker's triggers in this document (the self-test's view): one call. */
export function findTrackerTriggers(ss: Spreadsheet, memory: TriggerMemory): Record<TriggerKind, boolean> {
  const { ours } = classify(ScriptApp.getProjectTriggers(), ss, memory, runsAsAddOn);
  return { hourly: ours.hourly !== null, edit: ours.edit !== null, change: ours.change !== null };
}

function create(kind: TriggerKind, ss: Spreadsheet): Trigger {
  const builder = ScriptApp.newTrigger(TRIGGER_HANDLERS[kind]);
  if (kind === 'hourly') return builder.timeBased().everyHours(1).create();
  const forSheet = builder.forSpreadsheet(ss);
  return (kind === 'edit' ? forSheet.onEdit() : forSheet.onChange()).create();
}

/**
 * Makes this document have exactly one of each of `kinds`: keeps the one there, removes duplicates
 * and triggers of a handler the tracker no longer has, creates what is missing (remembering its
 * id), and reports what it could not install with what the person can do.
 */
export function ensureTriggers(
  ss: Spreadsheet,
  kinds: readonly TriggerKind[],
  memory: TriggerMemory,
): TriggerReport {
  const report: TriggerReport = { installed: [], removed: [], problems: [] };
  let addOn: boolean | null = null;
  const isAddOn = () => (addOn ??= runsAsAddOn());
  const found = classify(ScriptApp.getProjectTriggers(), ss, memory, isAddOn);
  const ids = remembered(memory);
  const idsBefore = JSON.stringify(ids);
  for (const kind of kinds) {
    for (const t of found.extra.get(kind) ?? []) {
      ScriptApp.deleteTrigger(t);
      report.removed.push(t.getHandlerFunction());
    }
    const have = found.ours[kind];
    if (have) {
      ids[kind] = have.getUniqueId();
      continue;
    }
    try {
      ids[kind] = create(kind, ss).getUniqueId();
      report.installed.push(TRIGGER_HANDLERS[kind]);
    } catch (err) {
      const message = thrownMessage(err);
      const adopted = PER_DOCUMENT.test(message) ? adoptUnknown(kind, ss) : null;
      if (adopted) {
        ids[kind] = adopted.id;
        if (adopted.installed) report.installed.push(TRIGGER_HANDLERS[kind]);
        report.removed.push(...adopted.removed);
      } else if (PER_DOCUMENT.test(message)) report.problems.push(triggerMessages.perDocument(kind));
      else if (TOO_MANY.test(message)) report.problems.push(triggerMessages.tooMany(kind));
      else report.problems.push(triggerMessages.other(kind, message));
    }
  }
  if (JSON.stringify(ids) !== idsBefore) memory.set(TRIGGERS_PROPERTY, JSON.stringify(ids));
  return report;
}

/**
 * Google refused a second trigger of this type in this document: there is one the tracker did not
 * see as its own. getUserTriggers(this spreadsheet) may list it (for a time-driven one Google does
 * not say): ours is kept, one of a handler the tracker no longer has is replaced.
 */
function adoptUnknown(
  kind: TriggerKind,
  ss: Spreadsheet,
): { id: string; installed: boolean; removed: string[] } | null {
  const type = eventTypeOf(kind);
  const here = ScriptApp.getUserTriggers(ss).filter((t) => t.getEventType() === type);
  const ours = here.find((t) => t.getHandlerFunction() === TRIGGER_HANDLERS[kind]);
  if (ours) return { id: ours.getUniqueId(), installed: false, removed: [] };
  const handlers = new Set<string>(Object.values(TRIGGER_HANDLERS));
  const stale = here.filter((t) => !handlers.has(t.getHandlerFunction()));
  if (!stale.length) return null;
  for (const t of stale) ScriptApp.deleteTrigger(t);
  try {
    return {
      id: create(kind, ss).getUniqueId(),
      installed: true,
      removed: stale.map((t) => t.getHandlerFunction()),
    };
  } catch {
    return null;
  }
}
