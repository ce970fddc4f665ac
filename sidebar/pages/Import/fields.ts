import type { ImportKind } from '../../../src/shared/api';
import { labelOf } from '../../../src/shared/schema';

/** The tracker fields a CSV column can go to, per kind (camelCase, as in api.ts). */
const FIELDS: Record<ImportKind, readonly string[]> = {
  partners: [
    'partnerName',
    'contactName',
    'contactEmail',
    'type',
    'tier',
    'region',
    'productFocus',
    'plan',
    'status',
    'joinedOn',
    'notes',
  ],
  leads: [
    'partnerId',
    'company',
    'domain',
    'contactName',
    'contactEmail',
    'product',
    'estimatedValue',
    'currency',
    'notes',
  ],
};

/** The choices of a mapping select: the kind's fields plus any other field the server mapped to. */
export function fieldChoices(
  kind: ImportKind,
  mapped: Record<string, string>,
): Array<{ value: string; label: string }> {
  const fields = [...FIELDS[kind]];
  for (const field of Object.values(mapped)) if (field && !fields.includes(field)) fields.push(field);
  return fields.map((field) => ({ value: field, label: labelOf(field) }));
}
