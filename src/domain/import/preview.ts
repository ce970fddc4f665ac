/**
 * The dry run of an import: every row mapped to tracker fields, checked by the same schema as the
 * forms (with the Settings lists), and compared with the rows above it in the file. Conflicts with
 * the tracker's leads are added by the app layer (findConflicts per row with the lead index).
 */
import type {
  FormOptions,
  ImportKind,
  ImportPreview,
  ImportRowReport,
  LeadInput,
  PartnerInput,
} from '../../shared/api';
import { validateLeadInput, validatePartnerInput } from '../../shared/schema';
import { addToIndex, emptyLeadIndex, findConflicts } from '../leads/conflicts';
import { nameKey } from '../leads/similarity';
import { cleanMapping, suggestMapping } from './mapping';
import { resolvePartnerRef } from './partner-ref';
import { labelOf } from '../../shared/schema/labels';
import { importMessages } from './messages';
import { parseCsv } from './parse';
import { LEAD_STATUS } from '../../shared/statuses';

export interface ImportRow<T> {
  line: number;
  value: T;
}

export interface ImportPlan<T> {
  preview: ImportPreview;
  /** The rows with no error, in file order, ready to import. */
  valid: Array<ImportRow<T>>;
}

export interface ImportRequest {
  csv: string;
  mapping?: Record<string, string>;
  lists?: Partial<FormOptions>;
}

/** Finds the earlier row a row repeats (an error message), and remembers the row. */
type DuplicateCheck<T> = (line: number, value: T) => string | null;

function partnerDuplicates(): DuplicateCheck<PartnerInput> {
  const byName = new Map<string, ImportRow<PartnerInput>>();
  const byEmail = new Map<string, ImportRow<PartnerInput>>();
  return (line, value) => {
    const key = nameKey(value.partnerName);
    const email = value.contactEmail.toLowerCase();
    const sameName = byName.get(key);
    if (sameName)
      return importMessages.duplicatePartner(sameName.line, `Partner Name '${sameName.value.partnerName}'`);
    const sameEmail = byEmail.get(email);
    if (sameEmail)
      return importMessages.duplicatePartner(
        sameEmail.line,
        `Contact Email '${sameEmail.value.contactEmail}'`,
      );
    if (key !== '') byName.set(key, { line, value });
    byEmail.set(email, { line, value });
    return null;
  };
}

/** The same partner registering the same company twice in one file, found with the conflict index. */
function leadDuplicates(): DuplicateCheck<LeadInput> {
  const index = emptyLeadIndex();
  const rows = new Map<string, ImportRow<LeadInput>>();
  return (line, value) => {
    const { duplicateOf } = findConflicts({
      candidate: value,
      partnerId: value.partnerId,
      index,
      today: '1970-01-01',
    });
    const earlier = duplicateOf === null ? undefined : rows.get(duplicateOf);
    if (earlier)
      return importMessages.duplicateLead(earlier.line, earlier.value.company, earlier.value.partnerId);
    const id = `line ${line}`;
    rows.set(id, { line, value });
    addToIndex(index, {
      id,
      partnerId: value.partnerId,
      partnerName: '',
      company: value.company,
      domain: value.domain ?? '',
      contactEmail: value.contactEmail ?? '',
      status: LEAD_STATUS.Submitted,
      expiresOn: '',
    });
    return null;
  };
}

function plan<T>(
  kind: ImportKind,
  request: ImportRequest,
  validate: (
    input: unknown,
    lists: Partial<FormOptions>,
  ) => { ok: true; value: T } | { ok: false; errors: Array<{ message: string }> },
  duplicate: DuplicateCheck<T>,
): ImportPlan<T> {
  const table = parseCsv(request.csv);
  const mapping = request.mapping
    ? cleanMapping(kind, table.headers, request.mapping)
    : suggestMapping(kind, table.headers);
  const columns = table.headers.map((header) => mapping[header]);
  const rows: ImportRowReport[] = [];
  const valid: Array<ImportRow<T>> = [];
  for (const record of table.records) {
    const report: ImportRowReport = {
      line: record.line,
      ok: false,
      errors: [...record.errors],
      conflicts: [],
    };
    rows.push(report);
    if (report.errors.length > 0) continue;
    const input: Record<string, string> = {};
    columns.forEach((field, i) => {
      if (field) input[field] = record.values[i] ?? '';
    });
    const result = validate(input, request.lists ?? {});
    if (!result.ok) {
      report.errors.push(...result.errors.map((error) => error.message));
      continue;
    }
    const problem = duplicate(record.line, result.value);
    if (problem) {
      report.errors.push(problem);
      continue;
    }
    report.ok = true;
    valid.push({ line: record.line, value: result.value });
  }
  return {
    preview: {
      kind,
      headers: table.headers,
      mapping,
      rows,
      valid: valid.length,
      invalid: rows.length - valid.length,
    },
    valid,
  };
}

export function planPartnerImport(request: ImportRequest): ImportPlan<PartnerInput> {
  return plan('partners', request, validatePartnerInput, partnerDuplicates());
}

/** A lead row names its partner by id or by name (partner-ref.ts); the rest is the lead form's schema. */
function validateLeadRow(input: unknown, lists: Partial<FormOptions>) {
  const row = input as Record<string, string>;
  const ref = resolvePartnerRef(row.partnerId ?? '', lists.partners ?? []);
  const checked = validateLeadInput(ref && 'id' in ref ? { ...row, partnerId: ref.id } : row, lists);
  if (!ref || !('error' in ref)) return checked;
  const label = labelOf('partnerId');
  const others = checked.ok ? [] : checked.errors.filter((e) => !e.message.startsWith(label));
  return { ok: false as const, errors: [{ field: 'partnerId', message: ref.error }, ...others] };
}

export function planLeadImport(request: ImportRequest): ImportPlan<LeadInput> {
  return plan('leads', request, validateLeadRow, leadDuplicates());
}
