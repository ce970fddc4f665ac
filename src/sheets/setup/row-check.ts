/** Checks an adopted row against its columns' validation (in memory): the problems, by header. */
import { isDate } from '../../domain/dates';
import type { ColumnDef, ListKey } from '../schema';

export interface RowCheckContext {
  lists: Record<ListKey, string[]>;
  partnerIds: Set<string>;
  planNames: Set<string>;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function cellProblem(column: ColumnDef, value: unknown, ctx: RowCheckContext): string | null {
  if (value === '' || value === null || value === undefined) {
    return column.required ? `${column.header} is empty` : null;
  }
  const v = column.validation;
  if (!v || column.strict === false) return null;
  const text = String(value).trim();
  const bad = `${column.header} "${text}"`;
  switch (v.kind) {
    case 'list':
      return ctx.lists[v.list].includes(text) ? null : `${bad} is not in Settings > ${v.list}`;
    case 'values':
      return v.values.includes(text) ? null : `${bad} is not one of ${v.values.join(', ')}`;
    case 'email':
      return EMAIL.test(text) ? null : `${bad} is not an email address`;
    case 'nonNegative':
      return typeof value === 'number' && value >= 0 ? null : `${bad} is not a number of zero or more`;
    case 'date':
      return isDate(value) ? null : `${bad} is not a date`;
    case 'partnerRef':
      return ctx.partnerIds.has(text) ? null : `${bad} is not a Partner ID in Partners`;
    case 'planRef':
      return ctx.planNames.has(text) ? null : `${bad} is not a Plan Name in Plans`;
  }
}
