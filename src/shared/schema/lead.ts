import * as v from 'valibot';
import { IMPORT_FIELDS } from '../import-fields';
import type { FormOptions, LeadInput } from '../api';
import { decimalsProblem } from './decimals';
import { amount, currency, domain, email, listed, name, recordId, text } from './fields';
import { labelOf, limits } from './labels';
import { messages } from './messages';
import { runSchema, type ValidationResult } from './result';
import { DEFAULT_CURRENCY } from '../currencies';
import { LEAD_SOURCES } from '../dashboard';

/** Used when neither the form nor Settings name a currency. */
export const FALLBACK_CURRENCY = DEFAULT_CURRENCY;

function leadSchema(lists: Partial<FormOptions>) {
  const partnerIds = lists.partners?.map((partner) => partner.id);
  const fallback = lists.defaultCurrency || FALLBACK_CURRENCY;
  return v.pipe(
    v.object({
      partnerId: v.pipe(
        recordId('partnerId', 'partner', { required: true }),
        v.check(
          (id) => !partnerIds || partnerIds.length === 0 || partnerIds.includes(id as string),
          (issue) => messages.unknownPartner(labelOf('partnerId'), String(issue.input)),
        ),
      ),
      company: name('company', { required: true }),
      domain: domain('domain'),
      contactName: name('contactName'),
      contactEmail: email('contactEmail'),
      product: listed('product', lists.products),
      estimatedValue: amount('estimatedValue', { decimal: lists.decimalSeparator }),
      currency: currency('currency', lists.currencies),
      notes: text('notes', { max: limits.notes }),
      source: listed('source', LEAD_SOURCES),
    }),
    v.forward(
      v.partialCheck(
        [['estimatedValue'], ['currency']],
        (lead) =>
          decimalsProblem('estimatedValue', lead.estimatedValue, lead.currency ?? fallback) === undefined,
        (issue) => {
          const lead = issue.input as { estimatedValue?: unknown; currency?: string };
          return decimalsProblem('estimatedValue', lead.estimatedValue, lead.currency ?? fallback) ?? '';
        },
      ),
      ['estimatedValue'],
    ),
    v.transform((lead) => ({ ...lead, currency: lead.currency ?? lists.defaultCurrency })),
  );
}

/** The fields a lead form (or CSV row) may carry: the same list the import maps columns to. */
const LEAD_FIELDS = IMPORT_FIELDS.leads;

/**
 * Checks a lead registration (form or CSV row). The domain is stored bare ("acme.com"); a missing
 * currency becomes Settings' default currency.
 */
export function validateLeadInput(
  input: unknown,
  lists: Partial<FormOptions> = {},
): ValidationResult<LeadInput> {
  return runSchema<LeadInput>(leadSchema(lists), LEAD_FIELDS, input);
}
