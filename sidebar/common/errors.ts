/**
 * Field errors: the shape the shared schema returns, and the mapping of a server error message onto
 * the form's fields. The server says what is wrong starting with the field's label ("Contact Email
 * 'bob@' is not an email address"), one problem per line; a line that names no field of the form is a
 * general error shown in the banner.
 */

export interface FieldError {
  field: string;
  label?: string;
  message: string;
}

export interface FieldLabel {
  field: string;
  label: string;
}

export interface MappedErrors {
  fields: FieldError[];
  general: string[];
}

function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\s_]+/g, ' ')
    .trim();
}

/** The field whose label (or camelCase name) the message begins with; the longest label wins. */
export function fieldForMessage(message: string, labels: readonly FieldLabel[]): FieldLabel | null {
  const text = normalize(message);
  let best: FieldLabel | null = null;
  let bestLength = 0;
  for (const entry of labels) {
    for (const name of [entry.label, entry.field]) {
      const key = normalize(name);
      if (!key || key.length <= bestLength || !text.startsWith(key)) continue;
      const next = text.charAt(key.length);
      if (next && /[a-z0-9]/.test(next)) continue; // "Contact" must not match "Contact Email"
      best = entry;
      bestLength = key.length;
    }
  }
  return best;
}

/** Splits a server error message into field errors and general errors. */
export function mapServerError(message: string, labels: readonly FieldLabel[]): MappedErrors {
  const result: MappedErrors = { fields: [], general: [] };
  const lines = message
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*[-•*]\s*/, '').trim())
    .filter(Boolean);
  for (const line of lines) {
    const match = fieldForMessage(line, labels);
    if (match) result.fields.push({ field: match.field, label: match.label, message: line });
    else result.general.push(line);
  }
  return result;
}

/** Errors of the same field joined, in the order the fields first appear. */
export function groupByField(errors: readonly FieldError[]): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const error of errors) {
    const list = grouped.get(error.field) ?? [];
    if (!list.includes(error.message)) list.push(error.message);
    grouped.set(error.field, list);
  }
  return grouped;
}
