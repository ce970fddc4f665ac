/**
 * One playground workbook: the emulator running dist/Code.js, the person acting, the sidebar and
 * dialogs the add-on showed, and the journal that keeps it between runs. Every action goes through
 * `apply`, which runs it as the scenario step it is and appends it to the journal.
 */
import { Emulator } from '../emulator/harness';
import { readJournal, runStep, writeJournal, type Journal, type Step, type StepResult } from './journal';
import type { ActionResult, AlertInfo, PageInfo, Person } from './view-types';

/** The playground's BigQuery project: Settings > Warehouse > Project ID. */
export const PLAYGROUND_BIGQUERY_PROJECT = 'playground-warehouse';

export const OWNER = 'owner@acme.test';
export const TEAMMATE = 'rep@acme.test';
export const PARTNER = 'partner@beta-partners.test';
/** An editor of the file who is not on the tracker's Team (refused by its protections and writes). */
export const COLLEAGUE = 'colleague@acme.test';

export const PEOPLE: Person[] = [
  { email: OWNER, role: 'owner', label: 'Owner' },
  { email: TEAMMATE, role: 'teammate', label: 'Teammate' },
  { email: COLLEAGUE, role: 'teammate', label: 'Colleague (editor, not on the team)' },
  { email: PARTNER, role: 'partner', label: 'Partner (view only)' },
];

/** Where a fresh workbook's clock starts. */
export const FRESH_START = '2026-03-02T09:00:00Z';

export interface SessionOptions {
  /** Folder of the journal; null keeps nothing on disk. */
  dataDir: string | null;
  distDir?: string;
}

interface ShownPage extends PageInfo {
  html: string;
}

export function freshJournal(now = FRESH_START): Journal {
  return {
    spreadsheet: {
      owner: OWNER,
      name: 'Partner Program',
      timeZone: 'UTC',
      editors: [TEAMMATE, COLLEAGUE],
      viewers: [PARTNER],
    },
    now,
    steps: [{ as: OWNER, open: 'LIMITED' }],
  };
}

export class Session {
  emu!: Emulator;
  journal!: Journal;
  actingUser = OWNER;
  sidebar: PageInfo | null = null;
  dialog: PageInfo | null = null;
  private readonly pages = new Map<number, ShownPage>();
  private nextPageId = 1;
  private pagesSeen = 0;
  private alertsSeen = 0;

  constructor(private readonly options: SessionOptions) {}

  /** Loads the journal kept on disk (or starts fresh) and replays it. */
  start(): { replayed: number; failed: number; warning?: string } {
    const { journal, warning } = this.options.dataDir ? readJournal(this.options.dataDir) : { journal: null };
    const outcome = this.replay(journal ?? freshJournal());
    if (!journal) this.save();
    return { ...outcome, warning };
  }

  /** A new workbook from `journal` (its steps replayed); returns how many steps failed. */
  replay(journal: Journal): { replayed: number; failed: number } {
    this.journal = { ...journal, steps: [] };
    const sp = journal.spreadsheet;
    this.emu = new Emulator({
      owner: sp.owner,
      editors: sp.editors,
      viewers: sp.viewers,
      name: sp.name,
      timeZone: sp.timeZone,
      now: journal.now,
      distDir: this.options.distDir,
    }).load();
    // A Cloud project to try Settings > Warehouse on (the emulated BigQuery, tables in DuckDB).
    this.emu.bigquery.addProject(PLAYGROUND_BIGQUERY_PROJECT, { [sp.owner]: 'OWNER' });
    let failed = 0;
    for (const step of journal.steps) {
      if (!runStep(this.emu, sp.owner, step).ok) failed++;
      this.journal.steps.push(step);
    }
    this.pagesSeen = this.ui().pages.length;
    this.alertsSeen = this.ui().alerts.length;
    this.sidebar = null;
    this.dialog = null;
    if (!PEOPLE.some((p) => p.email === this.actingUser)) this.actingUser = sp.owner;
    return { replayed: journal.steps.length, failed };
  }

  reset(now = FRESH_START): void {
    this.actingUser = OWNER;
    this.replay(freshJournal(now));
    this.save();
  }

  get owner(): string {
    return this.journal.spreadsheet.owner;
  }

  people(): Person[] {
    return PEOPLE;
  }

  /** Whether `user` may edit the file at all (owner or editor). */
  canEditFile(user: string): boolean {
    return user === this.owner || this.journal.spreadsheet.editors.includes(user);
  }

  /** Runs one action as a journaled step; reports what it showed (sidebar, dialog, alerts). */
  apply(step: Step, options: { persist?: boolean } = {}): ActionResult {
    const outcome: StepResult = runStep(this.emu, this.owner, step);
    const last = this.journal.steps[this.journal.steps.length - 1];
    const coalesce =
      'select' in step && last && 'select' in last && (last.as ?? this.owner) === (step.as ?? this.owner);
    if (coalesce) this.journal.steps[this.journal.steps.length - 1] = step;
    else this.journal.steps.push(step);
    if (options.persist !== false) this.save();
    const shown = this.collectShown();
    return {
      ok: outcome.ok,
      error: outcome.error,
      result: outcome.result,
      fired: outcome.fired?.map(({ handler, ok, error, at }) => ({ handler, ok, error, at })),
      alerts: this.collectAlerts(),
      sidebar: shown.sidebar,
      dialog: shown.dialog,
    };
  }

  /** The owner adds `email` to Settings > Team (an edit in its first empty cell), as a person would. */
  addToTeam(email: string): ActionResult {
    const settings = this.emu.sheets().Settings ?? [];
    const col = (settings[0] ?? []).indexOf('Team');
    if (col < 0) return { ok: false, error: 'No Settings > Team: run Set up tracker first' };
    const free = settings.slice(1).findIndex((row) => row[col] === '' || row[col] === undefined);
    const row = (free < 0 ? settings.length - 1 : free) + 2;
    const range = `${String.fromCharCode(65 + col)}${row}`;
    return this.apply({ as: this.owner, edit: { sheet: 'Settings', range, values: [[email]] } });
  }

  /** Acts as another person: they open the file (onOpen runs for them); open sidebars close. */
  switchUser(email: string): ActionResult {
    if (!PEOPLE.some((p) => p.email === email)) return { ok: false, error: `Nobody called ${email} here` };
    this.actingUser = email;
    this.sidebar = null;
    this.dialog = null;
    return this.apply({ as: email, open: 'LIMITED' });
  }

  page(id: number): ShownPage | undefined {
    return this.pages.get(id);
  }

  closePage(id: number): void {
    if (this.sidebar?.id === id) this.sidebar = null;
    if (this.dialog?.id === id) this.dialog = null;
  }

  save(): void {
    if (this.options.dataDir) writeJournal(this.options.dataDir, this.journal);
  }

  private ui() {
    return this.emu.services.state.ui;
  }

  private collectShown(): { sidebar?: PageInfo; dialog?: PageInfo } {
    const out: { sidebar?: PageInfo; dialog?: PageInfo } = {};
    const pages = this.ui().pages;
    for (const shown of pages.slice(this.pagesSeen)) {
      const info: PageInfo = {
        id: this.nextPageId++,
        kind: shown.kind,
        title: shown.title,
        width: shown.width,
        height: shown.height,
        user: shown.user || this.actingUser,
      };
      this.pages.set(info.id, { ...info, html: shown.html });
      if (shown.kind === 'sidebar') {
        this.sidebar = info;
        out.sidebar = info;
      } else {
        this.dialog = info;
        out.dialog = info;
      }
    }
    this.pagesSeen = pages.length;
    return out;
  }

  private collectAlerts(): AlertInfo[] {
    const alerts = this.ui().alerts;
    const fresh = alerts.slice(this.alertsSeen).map((a) => ({ title: a.title, prompt: a.prompt }));
    this.alertsSeen = alerts.length;
    return fresh;
  }
}
