import type { ImportKind } from '../../../src/shared/api';
import { IMPORT_FIELDS as FIELDS } from '../../../src/shared/import-fields';
import { labelOf } from '../../../src/shared/schema';

/** The choices of a mapping select: the kind's fields plus any other field the server mapped to. */
export function fieldChoices(
  kind: ImportKind,
  mapped: Record<string, string>,
): Array<{ value: string; label: string }> {
  const fields = [...FIELDS[kind]];
  for (const field of Object.values(mapped)) if (field && !fields.includes(field)) fields.push(field);
  return fields.map((field) => ({ value: field, label: labelOf(field) }));
}
