/**
 * Fires triggers the way Apps Script does after a person's action or as the clock passes:
 * - a person's edit: the simple onEdit (LIMITED, as the editing user), then every installable edit
 *   trigger of the document (FULL, as the trigger's creator), then the installable change triggers
 *   with changeType EDIT. Event objects carry value/oldValue only for a one-cell edit; a multi-cell
 *   paste carries neither; clearing a cell carries oldValue and no value.
 * - a person's row insert/delete: only the installable change triggers (INSERT_ROW / REMOVE_ROW).
 * - the clock: time-driven triggers in the order they fall due.
 * Edits made by scripts fire nothing (the emulator's writes never reach this bus).
 */
import type { Emulator } from './harness';
import { hostError } from './harness';
import { EmuUser } from './user';
import type { TriggerRecord } from './services';

export interface FiredTrigger {
  handler: string;
  kind: 'simple' | 'installable' | 'time';
  eventType: string;
  ok: boolean;
  error?: string;
  at: string;
}

interface AppliedEdit {
  range: unknown;
  oldValues: unknown[][];
  newValues: unknown[][];
}

/** e.value as the edit event gives it: a string for one cell (numbers and booleans as Sheets prints them). */
function eventValue(value: unknown): string | undefined {
  if (value === '' || value === null || value === undefined) return undefined;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (Object.prototype.toString.call(value) === '[object Date]') return (value as Date).toISOString();
  return String(value);
}

export class TriggerBus {
  constructor(private readonly emu: Emulator) {}

  afterEdit(user: string, applied: AppliedEdit): FiredTrigger[] {
    const fired: FiredTrigger[] = [];
    const single = applied.newValues.length === 1 && applied.newValues[0].length === 1;
    const visible = this.emu.visibleEmail(user);
    const base: Record<string, unknown> = {
      range: applied.range,
      source: this.emu.spreadsheet,
      user: new EmuUser(visible),
    };
    if (single) {
      const value = eventValue(applied.newValues[0][0]);
      const oldValue = eventValue(applied.oldValues[0][0]);
      if (value !== undefined) base.value = value;
      if (oldValue !== undefined) base.oldValue = oldValue;
    }
    if (this.emu.has('onEdit')) {
      fired.push(
        this.run('onEdit', { ...base, authMode: this.emu.authModeEnum('LIMITED') }, 'simple', 'ON_EDIT', {
          kind: 'simpleTrigger',
          activeUser: visible,
          effectiveUser: user,
          authMode: 'LIMITED',
        }),
      );
    }
    for (const trigger of this.installable('ON_EDIT')) {
      fired.push(this.runInstallable(trigger, { ...base }, visible));
    }
    fired.push(...this.afterStructureChange(user, 'EDIT'));
    return fired;
  }

  afterStructureChange(user: string, changeType: string): FiredTrigger[] {
    const visible = this.emu.visibleEmail(user);
    return this.installable('ON_CHANGE').map((trigger) =>
      this.runInstallable(
        trigger,
        { changeType, source: this.emu.spreadsheet, user: new EmuUser(visible) },
        visible,
      ),
    );
  }

  /** Moves the clock to `targetMs`, firing each time-driven trigger at the moment it falls due. */
  advanceClock(targetMs: number): FiredTrigger[] {
    const fired: FiredTrigger[] = [];
    const registry = this.emu.services.state.triggers;
    for (let guard = 0; guard < 100_000; guard++) {
      const due = registry.nextDue(targetMs);
      if (!due) break;
      if (due.atMs > this.emu.rt.nowMillis()) this.emu.rt.setNow(new Date(due.atMs).toISOString());
      registry.markFired(due.trigger, due.atMs);
      const at = new Date(due.atMs);
      const event = {
        authMode: this.emu.authModeEnum('FULL'),
        triggerUid: due.trigger.uid,
        year: at.getUTCFullYear(),
        month: at.getUTCMonth() + 1,
        'day-of-month': at.getUTCDate(),
        hour: at.getUTCHours(),
        minute: at.getUTCMinutes(),
        second: at.getUTCSeconds(),
        timezone: 'UTC',
      };
      fired.push(
        this.run(due.trigger.handler, event, 'time', 'CLOCK', {
          kind: 'timeTrigger',
          activeUser: due.trigger.owner,
          effectiveUser: due.trigger.owner,
          authMode: 'FULL',
          triggerUid: due.trigger.uid,
        }),
      );
    }
    if (targetMs > this.emu.rt.nowMillis()) this.emu.rt.setNow(new Date(targetMs).toISOString());
    return fired;
  }

  private installable(eventType: 'ON_EDIT' | 'ON_CHANGE'): TriggerRecord[] {
    const id = this.emu.rt.uncounted(() => this.emu.spreadsheet.getId());
    return this.emu.services.state.triggers.forDocument(id, eventType);
  }

  private runInstallable(
    trigger: TriggerRecord,
    event: Record<string, unknown>,
    visible: string,
  ): FiredTrigger {
    return this.run(
      trigger.handler,
      { ...event, authMode: this.emu.authModeEnum('FULL'), triggerUid: trigger.uid },
      'installable',
      trigger.eventType,
      {
        kind: 'installableTrigger',
        activeUser: visible,
        effectiveUser: trigger.owner,
        authMode: 'FULL',
        triggerUid: trigger.uid,
      },
    );
  }

  private run(
    handler: string,
    event: Record<string, unknown>,
    kind: FiredTrigger['kind'],
    eventType: string,
    execution: Parameters<Emulator['invoke']>[2],
  ): FiredTrigger {
    const at = this.emu.rt.now().toISOString();
    try {
      this.emu.invoke(handler, [event], execution);
      return { handler, kind, eventType, ok: true, at };
    } catch (err) {
      return { handler, kind, eventType, ok: false, error: hostError(err).message, at };
    }
  }
}
