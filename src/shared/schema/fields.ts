/**
 * The field schemas every form is built from. Each takes the raw value (a string from a form or a
 * CSV cell, a number, undefined), trims text, treats blank as absent, and reports one message per
 * field naming the column header and the value.
 */
import * as v from 'valibot';
import type { Amount } from '../api';
import { readAmount } from './amount';
import { plainAmount, type DecimalSeparator } from './amount-text';
import { isCurrencyCode } from './currency';
import { isDomainName, normalizeDomain } from './domainName';
import { isIsoDay } from './isoDay';
import { labelOf, limits } from './labels';
import { messages } from './messages';
import { exampleId, looksLikeId, type IdKind } from '../ids';

/** Trimmed text; blank (or null/undefined) is absent; finite numbers become their digits. */
function cleanText(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }
  return value;
}

function textBase(field: string, max: number) {
  const label = labelOf(field);
  return v.pipe(
    v.string((issue) =>
      issue.input === undefined ? messages.required(label) : messages.notText(label, issue.input),
    ),
    v.maxLength(max, (issue) => messages.tooLong(label, max, issue.input.length)),
  );
}

function presence<T>(field: string, required: boolean, inner: v.GenericSchema<string, T>) {
  return v.pipe(v.unknown(), v.transform(cleanText), required ? inner : v.optional(inner));
}

export function text(field: string, options: { required?: boolean; max: number }) {
  return presence(field, options.required ?? false, textBase(field, options.max));
}

/**
 * A name (partner, contact, company): text with at least one visible letter or digit (not only
 * spaces, zero-width or other invisible characters) and no control characters (tabs, line breaks).
 */
export function name(field: string, options: { required?: boolean } = {}) {
  const label = labelOf(field);
  const inner = v.pipe(
    textBase(field, limits.name),
    // eslint-disable-next-line no-control-regex -- control characters are what this check refuses
    v.check((value) => !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(value), messages.controlChars(label)),
    v.check(
      (value) => /[\p{L}\p{N}]/u.test(value),
      (issue) => messages.notVisible(label, String(issue.input)),
    ),
  );
  return presence(field, options.required ?? false, inner);
}

export function email(field: string, options: { required?: boolean } = {}) {
  const label = labelOf(field);
  const inner = v.pipe(
    textBase(field, limits.email),
    v.email((issue) => messages.notEmail(label, issue.input)),
  );
  return presence(field, options.required ?? false, inner);
}

/** A company domain; a pasted URL or "www." form is accepted and stored as the bare host. */
export function domain(field: string) {
  const label = labelOf(field);
  const inner = v.pipe(
    textBase(field, limits.domain),
    v.check(
      (value) => isDomainName(normalizeDomain(value)) && !value.includes('@'),
      (issue) => messages.notDomain(label, issue.input),
    ),
    v.transform(normalizeDomain),
  );
  return presence(field, false, inner);
}

export function isoDay(field: string, options: { required?: boolean } = {}) {
  const label = labelOf(field);
  const inner = v.pipe(
    textBase(field, 10 + 20),
    v.check(isIsoDay, (issue) => messages.notIsoDay(label, issue.input)),
  );
  return presence(field, options.required ?? false, inner);
}

/** One of the values in `allowed` (case-insensitive, stored in the list's spelling); any text when no list is given. */
export function listed(
  field: string,
  allowed: readonly string[] | undefined,
  options: { required?: boolean } = {},
) {
  const label = labelOf(field);
  const inner = v.pipe(
    textBase(field, limits.name),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      if (!allowed || allowed.length === 0) return dataset.value;
      const wanted = dataset.value.toLowerCase();
      const found = allowed.find((item) => item.trim().toLowerCase() === wanted);
      if (found !== undefined) return found.trim();
      addIssue({ message: messages.notOneOf(label, dataset.value, allowed) });
      return NEVER;
    }),
  );
  return presence(field, options.required ?? false, inner);
}

/** A comma-separated list of values from `allowed` ("Analytics, CRM"). */
export function listedMany(field: string, allowed: readonly string[] | undefined) {
  const label = labelOf(field);
  const inner = v.pipe(
    textBase(field, limits.list),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const items = dataset.value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');
      if (!allowed || allowed.length === 0) return items.join(', ');
      const result: string[] = [];
      for (const item of items) {
        const found = allowed.find((entry) => entry.trim().toLowerCase() === item.toLowerCase());
        if (found === undefined) {
          addIssue({ message: messages.notOneOf(label, item, allowed) });
          return NEVER;
        }
        result.push(found.trim());
      }
      return result.join(', ');
    }),
  );
  return presence(field, false, inner);
}

/** A record id of `kind` (a Partner ID "P-0001"...), as src/shared/ids.ts formats it. */
export function recordId(field: string, kind: IdKind, options: { required?: boolean } = {}) {
  const label = labelOf(field);
  const inner = v.pipe(
    textBase(field, 40),
    v.check(
      (id) => looksLikeId(kind, id),
      (issue) => messages.notId(label, String(issue.input), exampleId(kind)),
    ),
  );
  return presence(field, options.required ?? false, inner);
}

/** Largest amount accepted: 12 integer digits, so minor units stay exact in a double. */
export const MAX_INTEGER_DIGITS = 12;
const MAX_AMOUNT_TEXT = '999,999,999,999';

/**
 * An amount in major units, a number or a decimal string, >= 0. Decimals are checked per currency by
 * the form. Text is read as a person writes it (amount-text.ts: "$25,000", "51,250.50", or
 * "51.250,50" when the spreadsheet's locale writes a decimal comma) and becomes a plain decimal.
 */
export function amount(field: string, options: { required?: boolean; decimal?: DecimalSeparator } = {}) {
  const label = labelOf(field);
  return v.pipe(
    v.unknown(),
    v.rawTransform(({ dataset, addIssue, NEVER }): Amount | undefined => {
      const value =
        typeof dataset.value === 'string' ? cleanText(dataset.value) : (dataset.value ?? undefined);
      if (value === undefined) {
        if (!options.required) return undefined;
        addIssue({ message: messages.required(label) });
        return NEVER;
      }
      const plain = typeof value === 'string' ? (plainAmount(value, options.decimal) ?? value) : value;
      const reading = readAmount(plain);
      let message: string | undefined;
      if (reading.kind === 'notNumber') message = messages.notNumber(label, value);
      else if (reading.negative) message = messages.negative(label, value);
      else if (reading.integerDigits > MAX_INTEGER_DIGITS)
        message = messages.tooLarge(label, value, MAX_AMOUNT_TEXT);
      if (message === undefined) return plain as Amount;
      addIssue({ message });
      return NEVER;
    }),
  );
}

/** A currency code: one of `allowed` when given, else any three-letter code; stored upper-case. */
export function currency(field: string, allowed: readonly string[] | undefined) {
  const label = labelOf(field);
  if (allowed && allowed.length > 0) return listed(field, allowed);
  const inner = v.pipe(
    textBase(field, 3 + 20),
    v.transform((value) => value.toUpperCase()),
    v.check(isCurrencyCode, (issue) => messages.notCurrencyCode(label, issue.input)),
  );
  return presence(field, false, inner);
}
