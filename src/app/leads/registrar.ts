/**
 * Registering leads against the tracker as read once: the lead index is built once, ids are
 * allocated one past the highest in use, and each accepted registration joins the index at once, so
 * the rows of one import are checked against each other as well as against the sheet. The caller
 * holds the document lock and commits.
 */
import type { Conflict, LeadInput, Partner } from '../../shared/api';
import { DEFAULT_LEAD_SOURCE } from '../../shared/dashboard';
import { validateLeadInput } from '../../shared/schema';
import { idSequence } from '../../domain/ids';
import {
  addToIndex,
  buildLeadIndex,
  duplicateMessage,
  earlierLeadIds,
  conflictText,
  withLaterRegistration,
  findConflicts,
  newLead,
  transitionLead,
  type IndexedLead,
  type LeadEvent,
  type LeadIndex,
} from '../../domain/leads';
import { LEAD_STATUS } from '../../shared/statuses';
import { checkCanRegister } from '../../domain/partners';
import type { FormOptions } from '../../shared/api';
import { amountCell } from './cells';
import { leadPatchCells } from './records';
import type { TrackerData } from './tracker-data';

export interface Registration {
  id: string;
  /** The sheet row it was appended to. */
  row: number;
  expiresOn: string;
  conflicts: Conflict[];
  /** What follows (the "registration received" email the partner is owed). */
  events: LeadEvent[];
}

export type Checked =
  | { ok: true; lead: LeadInput; partner: Partner; conflicts: Conflict[] }
  | { ok: false; errors: string[]; conflicts: Conflict[] };

/** The leads a registration is checked against, as the lead index gives them (registerLead at scale). */
export interface KnownLeads {
  /** The active registrations a candidate can meet (those sharing its domain or a name block). */
  near(candidate: LeadInput): readonly IndexedLead[];
  /** Ids in use (the highest is enough). */
  ids: readonly string[];
  /** The rows of earlier leads (active registrations) not read yet, made readable: Lead ID -> row. */
  rowsOf(ids: ReadonlySet<string>): ReadonlyMap<string, number>;
  /** [Lead ID, Partner ID] of every active registration. */
  owners(): ReadonlyArray<[string, string]>;
}

export class Registrar {
  private readonly index: LeadIndex | null;
  private readonly added: IndexedLead[] = [];
  private readonly nextId: () => string;
  /** Lead ID -> sheet row, for the earlier leads a new registration conflicts with (this run's too). */
  private readonly rows: Map<string, number>;
  /** Lead ID -> Partner ID of the leads read (`owners`, built on first use) and of those added. */
  private readOwners: Map<string, string> | null = null;
  private readonly addedOwners = new Map<string, string>();
  /** Notes owed to earlier leads whose rows were not read (known leads): written by `settle`. */
  private readonly owedNotes: Array<{ earlier: string; id: string; partnerName: string }> = [];
  readonly options: FormOptions;

  /**
   * `known`: the active registrations and the ids in use as the lead index gives them (registerLead
   * at scale: one registration), instead of every lead of the table.
   */
  constructor(
    readonly data: TrackerData,
    private readonly known?: KnownLeads,
  ) {
    this.index = known ? null : buildLeadIndex(data.leads.map(({ lead }) => lead));
    this.nextId = idSequence('lead', known ? known.ids : data.leads.map(({ lead }) => lead.id));
    this.options = data.formOptions(false);
    this.rows = new Map(data.leads.map(({ lead, row }) => [lead.id, row]));
  }

  /** Validates a registration and finds its conflicts; refuses inactive partners and duplicates. */
  check(input: unknown): Checked {
    const result = validateLeadInput(input, this.options);
    if (!result.ok) return { ok: false, errors: result.errors.map((e) => e.message), conflicts: [] };
    const lead = result.value;
    const partners = this.data.partners.map(({ partner }) => partner);
    const allowed = checkCanRegister(lead.partnerId, partners);
    if (!allowed.ok) return { ok: false, errors: [allowed.message], conflicts: [] };
    // With known leads: the candidate's near ones and those this registrar added, for each check.
    const index = this.index ?? buildLeadIndex([...this.known!.near(lead), ...this.added]);
    const report = findConflicts({
      candidate: lead,
      partnerId: lead.partnerId,
      index,
      partners,
      houseAccounts: this.data.settings.lists.houseAccounts,
      today: this.data.today,
    });
    if (report.duplicate)
      return { ok: false, errors: [duplicateMessage(report.duplicate)], conflicts: report.conflicts };
    return { ok: true, lead, partner: allowed.partner, conflicts: report.conflicts };
  }

  /**
   * Appends the checked registration to Leads (in memory) with a new id, made Submitted by the lead
   * transition rule (its Registered On and Expires On); it now blocks later ones.
   */
  add(checked: Extract<Checked, { ok: true }>): Registration {
    const { lead, partner, conflicts } = checked;
    const id = this.nextId();
    const change = transitionLead(newLead(id, partner.id), LEAD_STATUS.Submitted, {
      actor: this.data.ctx.actor.email,
      today: this.data.today,
      window: this.data.window,
    });
    if (!change.ok) throw new Error(change.message); // a new lead always starts as Submitted
    const expiresOn = change.patch.expiresOn ?? '';
    const currency = lead.currency || this.data.defaultCurrency;
    const row = this.data.ctx.table('leads').append({
      leadId: id,
      partnerId: partner.id,
      partnerName: partner.partnerName,
      company: lead.company,
      domain: lead.domain ?? '',
      contactName: lead.contactName ?? '',
      contactEmail: lead.contactEmail ?? '',
      product: lead.product ?? '',
      estimatedValue: amountCell(lead.estimatedValue, currency),
      currency,
      ...leadPatchCells(change.patch, currency, this.data.days),
      conflict: conflictText(conflicts.map((c) => c.reason)),
      notes: lead.notes ?? '',
      source: lead.source || DEFAULT_LEAD_SOURCE,
    });
    this.rows.set(id, row);
    this.noteOnEarlierLeads(conflicts, id, partner.partnerName);
    const indexed: IndexedLead = {
      id,
      partnerId: partner.id,
      partnerName: partner.partnerName,
      company: lead.company,
      domain: lead.domain ?? '',
      contactEmail: lead.contactEmail ?? '',
      status: LEAD_STATUS.Submitted,
      expiresOn,
    };
    this.addedOwners.set(id, partner.id);
    if (this.index) addToIndex(this.index, indexed);
    else this.added.push(indexed);
    return { id, row, expiresOn, conflicts, events: change.events };
  }

  /**
   * The Partner ID of every lead a check's message can name (the active registrations, those added
   * since included; kept current by `add`): whose ids a partner may be shown (makeRedactor).
   */
  owners(): Pick<ReadonlyMap<string, string>, 'get'> {
    return {
      get: (id) =>
        this.addedOwners.get(id) ??
        (this.readOwners ??= new Map(
          this.known ? this.known.owners() : this.data.leads.map(({ lead }) => [lead.id, lead.partnerId]),
        )).get(id),
    };
  }

  /**
   * Each earlier lead this registration conflicts with notes it in its Conflict
   * (domain/leads/overlap.ts); with known leads, those whose rows were not read wait for `settle`.
   */
  private noteOnEarlierLeads(conflicts: readonly Conflict[], id: string, partnerName: string): void {
    for (const earlier of earlierLeadIds(conflicts)) {
      if (this.rows.has(earlier)) this.noteOn(this.rows.get(earlier)!, id, partnerName);
      else if (this.known) this.owedNotes.push({ earlier, id, partnerName });
    }
  }

  /**
   * Before the commit, with known leads: the notes owed to earlier leads whose rows were not read,
   * each lead's row read once (one getValues per cluster of nearby rows), in registration order.
   */
  settle(): void {
    if (!this.owedNotes.length || !this.known) return;
    const rows = this.known.rowsOf(new Set(this.owedNotes.map((n) => n.earlier)));
    for (const { earlier, id, partnerName } of this.owedNotes.splice(0)) {
      const row = rows.get(earlier);
      if (row !== undefined) this.noteOn(row, id, partnerName);
    }
  }

  private noteOn(row: number, id: string, partnerName: string): void {
    const table = this.data.ctx.table('leads');
    const current = table.rowOf(row);
    if (!current) return;
    const text = String(current.record.conflict ?? '');
    const next = withLaterRegistration(text, id, partnerName);
    if (next !== text) table.update(row, { conflict: next });
  }
}
