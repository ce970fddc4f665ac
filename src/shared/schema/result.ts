import * as v from 'valibot';
import { labelOf } from './labels';
import { messages } from './messages';

/** One problem with one field: `field` is the camelCase key, `label` the column header. */
export interface FieldError {
  field: string;
  label: string;
  message: string;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Runs `schema` over the listed fields of `input` (every field present, missing ones as undefined,
 * so "required" is reported by the field itself) and returns the value without absent fields, or
 * the first error of each field in form order.
 */
export function runSchema<T>(
  schema: v.GenericSchema<Record<string, unknown>, Record<string, unknown>>,
  fields: readonly string[],
  input: unknown,
): ValidationResult<T> {
  if (!isRecord(input))
    return { ok: false, errors: [{ field: '', label: '', message: messages.notObject() }] };
  const filled: Record<string, unknown> = {};
  for (const field of fields) filled[field] = input[field];
  const parsed = v.safeParse(schema, filled);
  if (parsed.success) {
    const value: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(parsed.output)) if (item !== undefined) value[key] = item;
    return { ok: true, value: value as T };
  }
  const byField = new Map<string, FieldError>();
  for (const issue of parsed.issues) {
    const key = issue.path?.[0]?.key;
    const field = typeof key === 'string' ? key : '';
    if (!byField.has(field)) byField.set(field, { field, label: labelOf(field), message: issue.message });
  }
  const order = (field: string) => (fields.indexOf(field) + fields.length + 1) % (fields.length + 1);
  return { ok: false, errors: [...byField.values()].sort((a, b) => order(a.field) - order(b.field)) };
}
