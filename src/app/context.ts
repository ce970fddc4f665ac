/**
 * The per-execution context every use case works in: the document (properties read once, lock taken
 * once, layout cached), who acts and as what source, the time, and the tables it opened (each read
 * once). `commit()` writes every opened table's changes through the audited writer.
 */
import type { AuditEntry, AuditSource } from '../domain/audit/entry';
import { TrackerDocument } from '../sheets/document';
import type { SheetKey } from '../sheets/schema';
import { Table } from '../sheets/table';
import { commit, type Actor, type CommitResult, type WriteContext } from '../sheets/writer';

export class AppContext implements WriteContext {
  private readonly tables: Map<SheetKey, Table>;

  constructor(
    readonly doc: TrackerDocument,
    readonly actor: Actor,
    readonly source: AuditSource,
    readonly now: Date = new Date(),
    tables?: Map<SheetKey, Table>,
  ) {
    this.tables = tables ?? new Map();
  }

  /** The table `key`, opened once per context (read on first use, one getValues). */
  table(key: SheetKey): Table {
    let table = this.tables.get(key);
    if (!table) {
      table = new Table(this.doc, key);
      this.tables.set(key, table);
    }
    return table;
  }

  /** The same execution recorded under another source or actor (e.g. a reaction to a person's edit). */
  as(source: AuditSource, actor: Actor = this.actor): AppContext {
    return new AppContext(this.doc, actor, source, this.now, this.tables);
  }

  /** Takes the document lock (once): before reading what you will change, when ids are allocated. */
  lock(): void {
    this.doc.lock();
  }

  /** Writes every opened table's changes, their shadow and audit (plus `extra` entries). */
  commit(extra: readonly AuditEntry[] = []): CommitResult {
    return commit(this, [...this.tables.values()], extra);
  }
}
