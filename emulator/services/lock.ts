/**
 * LockService. A lock is state shared by every execution: one script lock, one lock per document,
 * one per user. An execution that holds a lock keeps it until releaseLock() or until it ends.
 */
import { AppsScriptErrors, type Execution, type Runtime } from '../runtime';
import { real } from './common';

type Lock = GoogleAppsScript.Lock.Lock;

/** Who holds each lock, by key ("script", "document:<id>", "user:<email>"). */
export class LockTable {
  private readonly holders = new Map<string, Execution>();

  constructor(private readonly rt: Runtime) {}

  holder(key: string): Execution | undefined {
    const execution = this.holders.get(key);
    if (!execution) return undefined;
    // The test bed (id 0) counts as live; an execution that left the stack does not.
    if (execution.id !== 0 && !this.rt.executions().includes(execution)) {
      this.holders.delete(key);
      return undefined;
    }
    return execution;
  }
  acquire(key: string, execution: Execution): void {
    this.holders.set(key, execution);
    execution.onEnd.push(() => {
      if (this.holders.get(key) === execution) this.holders.delete(key);
    });
  }
  release(key: string, execution: Execution): void {
    if (this.holders.get(key) === execution) this.holders.delete(key);
  }
  /** Test bed: the keys held right now and by which execution. */
  held(): Array<{ key: string; executionId: number }> {
    return [...this.holders.keys()]
      .map((key) => ({ key, execution: this.holder(key) }))
      .filter((entry): entry is { key: string; execution: Execution } => entry.execution !== undefined)
      .map(({ key, execution }) => ({ key, executionId: execution.id }));
  }
}

export class EmuLock implements Pick<Lock, 'tryLock' | 'waitLock' | 'hasLock' | 'releaseLock'> {
  constructor(
    private readonly rt: Runtime,
    private readonly table: LockTable,
    private readonly key: string,
  ) {}

  private sameExecution(a: Execution | undefined, b: Execution): boolean {
    return a !== undefined && a.id === b.id;
  }

  /** True when the lock is free or this execution already holds it. */
  private attempt(timeoutInMillis: number): boolean {
    const me = this.rt.current();
    const holder = this.table.holder(this.key);
    if (this.sameExecution(holder, me)) return true;
    if (!holder) {
      this.table.acquire(this.key, me);
      return true;
    }
    this.rt.onLockContention(me, timeoutInMillis);
    if (this.table.holder(this.key)) return false;
    this.table.acquire(this.key, me);
    return true;
  }

  tryLock(timeoutInMillis: number): boolean {
    return this.rt.call('Lock.tryLock', () => this.attempt(timeoutInMillis));
  }
  waitLock(timeoutInMillis: number): void {
    this.rt.call('Lock.waitLock', () => {
      if (!this.attempt(timeoutInMillis)) throw new Error(AppsScriptErrors.lockTimeout);
    });
  }
  hasLock(): boolean {
    return this.rt.call('Lock.hasLock', () =>
      this.sameExecution(this.table.holder(this.key), this.rt.current()),
    );
  }
  /** A no-op when this execution does not hold the lock. */
  releaseLock(): void {
    this.rt.call('Lock.releaseLock', () => this.table.release(this.key, this.rt.current()));
  }
}

export class EmuLockService implements Pick<
  GoogleAppsScript.Lock.LockService,
  'getScriptLock' | 'getDocumentLock' | 'getUserLock'
> {
  constructor(
    private readonly rt: Runtime,
    private readonly table: LockTable,
    private readonly documentId: () => string | null,
  ) {}

  getScriptLock(): Lock {
    return this.rt.call('LockService.getScriptLock', () =>
      real<Lock>(new EmuLock(this.rt, this.table, 'script')),
    );
  }
  /** null outside a container-bound script or add-on (the declared type omits the null). */
  getDocumentLock(): Lock {
    return this.rt.call('LockService.getDocumentLock', () => {
      const id = this.documentId();
      return id === null
        ? (null as unknown as Lock)
        : real<Lock>(new EmuLock(this.rt, this.table, `document:${id}`));
    });
  }
  getUserLock(): Lock {
    return this.rt.call('LockService.getUserLock', () =>
      real<Lock>(new EmuLock(this.rt, this.table, `user:${this.rt.current().effectiveUser}`)),
    );
  }
}
