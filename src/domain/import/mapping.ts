/**
 * Which tracker field each CSV column fills. Headers are compared without case, spaces or
 * punctuation, against the tracker's own column headers and common synonyms ("Email" ->
 * contactEmail, "Company Name" -> company, "Website" -> domain).
 */
import type { ImportKind } from '../../shared/api';
import { IMPORT_FIELDS } from '../../shared/import-fields';
import { labels } from '../../shared/schema/labels';

export { IMPORT_FIELDS };

const SYNONYMS: Readonly<Record<ImportKind, Readonly<Record<string, readonly string[]>>>> = {
  partners: {
    partnerName: [
      'name',
      'partner',
      'company',
      'companyname',
      'organization',
      'organisation',
      'partnercompany',
    ],
    contactName: ['contact', 'contactperson', 'fullname', 'person'],
    contactEmail: ['email', 'emailaddress', 'mail', 'contactmail'],
    type: ['partnertype', 'kind'],
    tier: ['partnertier', 'level'],
    region: ['territory', 'geo', 'area'],
    productFocus: ['products', 'focus', 'product'],
    status: ['partnerstatus', 'state'],
    joinedOn: ['joined', 'joindate', 'startdate', 'since', 'datejoined'],
    notes: ['note', 'comments', 'comment', 'remarks'],
  },
  leads: {
    partnerId: ['partner', 'partnercode', 'partnername'],
    company: [
      'companyname',
      'account',
      'accountname',
      'customer',
      'organization',
      'organisation',
      'prospect',
    ],
    domain: ['website', 'web', 'url', 'site', 'companydomain', 'companywebsite'],
    contactName: ['contact', 'contactperson', 'fullname', 'name'],
    contactEmail: ['email', 'emailaddress', 'mail', 'contactmail'],
    product: ['products', 'productinterest'],
    estimatedValue: ['value', 'amount', 'dealsize', 'estimatedamount', 'estimate', 'dealvalue'],
    currency: ['currencycode', 'ccy'],
    notes: ['note', 'comments', 'comment', 'description'],
    source: ['leadsource', 'sourcetype', 'sourcedorinfluenced'],
  },
};

export function headerKey(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

function fieldFor(kind: ImportKind, key: string): string | undefined {
  for (const field of IMPORT_FIELDS[kind]) {
    const label = (labels as Record<string, string>)[field];
    if (key === headerKey(field) || key === headerKey(label)) return field;
  }
  for (const field of IMPORT_FIELDS[kind]) if (SYNONYMS[kind][field]?.includes(key)) return field;
  return undefined;
}

/** Header -> field for the headers recognised; each field is filled from the first column that names it. */
export function suggestMapping(kind: ImportKind, headers: readonly string[]): Record<string, string> {
  const mapping: Record<string, string> = {};
  const taken = new Set<string>();
  for (const header of headers) {
    const field = fieldFor(kind, headerKey(header));
    if (field && !taken.has(field) && !(header in mapping)) {
      mapping[header] = field;
      taken.add(field);
    }
  }
  return mapping;
}

/** A person's mapping, keeping only headers in the file and fields of this kind (first column wins). */
export function cleanMapping(
  kind: ImportKind,
  headers: readonly string[],
  mapping: Readonly<Record<string, string>>,
): Record<string, string> {
  const result: Record<string, string> = {};
  const taken = new Set<string>();
  for (const header of headers) {
    const field = mapping[header];
    if (field && IMPORT_FIELDS[kind].includes(field) && !taken.has(field) && !(header in result)) {
      result[header] = field;
      taken.add(field);
    }
  }
  return result;
}
