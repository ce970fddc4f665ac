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
  findConflicts,
  newLead,
  transitionLead,
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

export class Registrar {
  private readonly index: LeadIndex;
  private readonly nextId: () => string;
  readonly options: FormOptions;

  constructor(private readonly data: TrackerData) {
    this.index = buildLeadIndex(data.leads.map(({ lead }) => lead));
    this.nextId = idSequence(
      'lead',
      data.leads.map(({ lead }) => lead.id),
    );
    this.options = data.formOptions(false);
  }

  /** Validates a registration and finds its conflicts; refuses inactive partners and duplicates. */
  check(input: unknown): Checked {
    const result = validateLeadInput(input, this.options);
    if (!result.ok) return { ok: false, errors: result.errors.map((e) => e.message), conflicts: [] };
    const lead = result.value;
    const partners = this.data.partners.map(({ partner }) => partner);
    const allowed = checkCanRegister(lead.partnerId, partners);
    if (!allowed.ok) return { ok: false, errors: [allowed.message], conflicts: [] };
    const report = findConflicts({
      candidate: lead,
      partnerId: lead.partnerId,
      index: this.index,
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
      conflict: conflicts.map((c) => c.reason).join('; '),
      notes: lead.notes ?? '',
      source: lead.source || DEFAULT_LEAD_SOURCE,
    });
    addToIndex(this.index, {
      id,
      partnerId: partner.id,
      partnerName: partner.partnerName,
      company: lead.company,
      domain: lead.domain ?? '',
      contactEmail: lead.contactEmail ?? '',
      status: LEAD_STATUS.Submitted,
      expiresOn,
    });
    return { id, row, expiresOn, conflicts, events: change.events };
  }
}
