/** TriggerBuilder, SpreadsheetTriggerBuilder and ClockTriggerBuilder: they describe, create() installs. */
import type { Runtime } from '../runtime';
import { exception, real } from './common';
import type { Schedule, TriggerEventType, TriggerRecord } from './trigger-registry';
import { zonedFields } from '../time-zone';

type Trigger = GoogleAppsScript.Script.Trigger;
type ClockBuilder = GoogleAppsScript.Script.ClockTriggerBuilder;
type SheetBuilder = GoogleAppsScript.Script.SpreadsheetTriggerBuilder;

/** What a builder hands to ScriptApp to install (limits are checked there). */
export type Install = (draft: Omit<TriggerRecord, 'uid' | 'owner' | 'createdMs' | 'documentId'>) => Trigger;

const MINUTE_STEPS = [1, 5, 10, 15, 30];

export class EmuSpreadsheetTriggerBuilder implements Pick<
  SheetBuilder,
  'onEdit' | 'onChange' | 'onOpen' | 'onFormSubmit' | 'create'
> {
  #eventType: TriggerEventType | null = null;
  constructor(
    private readonly rt: Runtime,
    private readonly handler: string,
    private readonly spreadsheetId: string,
    private readonly install: Install,
  ) {}
  private on(method: string, eventType: TriggerEventType): SheetBuilder {
    return this.rt.call(
      `SpreadsheetTriggerBuilder.${method}`,
      () => ((this.#eventType = eventType), real<SheetBuilder>(this)),
      { local: true },
    );
  }
  onEdit(): SheetBuilder {
    return this.on('onEdit', 'ON_EDIT');
  }
  onChange(): SheetBuilder {
    return this.on('onChange', 'ON_CHANGE');
  }
  onOpen(): SheetBuilder {
    return this.on('onOpen', 'ON_OPEN');
  }
  onFormSubmit(): SheetBuilder {
    return this.on('onFormSubmit', 'ON_FORM_SUBMIT');
  }
  create(): Trigger {
    return this.rt.call('SpreadsheetTriggerBuilder.create', () => {
      if (!this.#eventType)
        throw exception('Trigger event type not set: call onEdit(), onChange(), onOpen() or onFormSubmit().');
      return this.install({
        handler: this.handler,
        eventType: this.#eventType,
        source: 'SPREADSHEETS',
        sourceId: this.spreadsheetId,
      });
    });
  }
}

export class EmuClockTriggerBuilder implements Pick<
  ClockBuilder,
  | 'everyMinutes'
  | 'everyHours'
  | 'everyDays'
  | 'atHour'
  | 'nearMinute'
  | 'after'
  | 'at'
  | 'inTimezone'
  | 'create'
> {
  #everyMinutes?: number;
  #everyHours?: number;
  #everyDays?: number;
  #atHour?: number;
  #nearMinute?: number;
  #afterMs?: number;
  #atMs?: number;
  #timeZone: string;

  constructor(
    private readonly rt: Runtime,
    private readonly handler: string,
    timeZone: string,
    private readonly install: Install,
    private readonly addOn: boolean,
  ) {
    this.#timeZone = timeZone;
  }

  private set(method: string, apply: () => void): ClockBuilder {
    return this.rt.call(`ClockTriggerBuilder.${method}`, () => (apply(), real<ClockBuilder>(this)), {
      local: true,
    });
  }
  everyMinutes(n: number): ClockBuilder {
    return this.set('everyMinutes', () => {
      if (!MINUTE_STEPS.includes(n))
        throw exception('Invalid argument: everyMinutes must be 1, 5, 10, 15 or 30.');
      this.#everyMinutes = n;
    });
  }
  everyHours(n: number): ClockBuilder {
    return this.set('everyHours', () => {
      if (!Number.isInteger(n) || n < 1) throw exception(`Invalid argument: everyHours(${n})`);
      this.#everyHours = n;
    });
  }
  everyDays(n: number): ClockBuilder {
    return this.set('everyDays', () => {
      if (!Number.isInteger(n) || n < 1) throw exception(`Invalid argument: everyDays(${n})`);
      this.#everyDays = n;
    });
  }
  atHour(hour: number): ClockBuilder {
    return this.set('atHour', () => {
      if (!Number.isInteger(hour) || hour < 0 || hour > 23)
        throw exception(`Invalid argument: atHour(${hour})`);
      this.#atHour = hour;
    });
  }
  nearMinute(minute: number): ClockBuilder {
    return this.set('nearMinute', () => {
      if (!Number.isInteger(minute) || minute < 0 || minute > 59)
        throw exception(`Invalid argument: nearMinute(${minute})`);
      this.#nearMinute = minute;
    });
  }
  after(durationMilliseconds: number): ClockBuilder {
    return this.set('after', () => void (this.#afterMs = durationMilliseconds));
  }
  at(date: GoogleAppsScript.Base.Date): ClockBuilder {
    return this.set('at', () => void (this.#atMs = (date as unknown as Date).getTime()));
  }
  inTimezone(timezone: string): ClockBuilder {
    return this.set('inTimezone', () => void (this.#timeZone = timezone));
  }

  private schedule(): Schedule {
    const now = this.rt.nowMillis();
    if (this.#afterMs !== undefined) return { kind: 'once', atMs: now + this.#afterMs };
    if (this.#atMs !== undefined) return { kind: 'once', atMs: this.#atMs };
    if (this.#everyMinutes !== undefined) {
      if (this.addOn)
        throw exception('Add-ons may not create time-based triggers that run more often than once per hour.');
      return { kind: 'interval', everyMs: this.#everyMinutes * 60_000 };
    }
    if (this.#everyHours !== undefined) return { kind: 'interval', everyMs: this.#everyHours * 3_600_000 };
    if (this.#everyDays !== undefined) {
      const created = zonedFields(now, this.#timeZone);
      return {
        kind: 'daily',
        everyDays: this.#everyDays,
        hour: this.#atHour ?? created.hour,
        minute: this.#nearMinute ?? (this.#atHour === undefined ? created.minute : 0),
        timeZone: this.#timeZone,
      };
    }
    throw exception(
      'The trigger has no schedule: call everyMinutes, everyHours, everyDays, after or at first.',
    );
  }
  create(): Trigger {
    return this.rt.call('ClockTriggerBuilder.create', () =>
      this.install({
        handler: this.handler,
        eventType: 'CLOCK',
        source: 'CLOCK',
        sourceId: null,
        schedule: this.schedule(),
      }),
    );
  }
}

export class EmuTriggerBuilder implements Pick<
  GoogleAppsScript.Script.TriggerBuilder,
  'forSpreadsheet' | 'timeBased'
> {
  constructor(
    private readonly rt: Runtime,
    private readonly handler: string,
    private readonly timeZone: string,
    private readonly install: Install,
    private readonly addOn: boolean,
  ) {}
  forSpreadsheet(sheet: GoogleAppsScript.Spreadsheet.Spreadsheet | string): SheetBuilder {
    return this.rt.call(
      'TriggerBuilder.forSpreadsheet',
      () => {
        const id = typeof sheet === 'string' ? sheet : sheet.getId();
        return real<SheetBuilder>(new EmuSpreadsheetTriggerBuilder(this.rt, this.handler, id, this.install));
      },
      { local: true },
    );
  }
  timeBased(): ClockBuilder {
    return this.rt.call(
      'TriggerBuilder.timeBased',
      () =>
        real<ClockBuilder>(
          new EmuClockTriggerBuilder(this.rt, this.handler, this.timeZone, this.install, this.addOn),
        ),
      { local: true },
    );
  }
}
