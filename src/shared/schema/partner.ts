import * as v from 'valibot';
import { IMPORT_FIELDS } from '../import-fields';
import type { FormOptions, PartnerInput } from '../api';
import { email, isoDay, listed, listedMany, name, recordId, text } from './fields';
import { limits } from './labels';
import { runSchema, type ValidationResult } from './result';
import { PARTNER_STATUSES } from '../statuses';

export { PARTNER_STATUSES };

function partnerSchema(lists: Partial<FormOptions>) {
  return v.object({
    id: recordId('id', 'partner'),
    partnerName: name('partnerName', { required: true }),
    contactName: name('contactName'),
    contactEmail: email('contactEmail', { required: true }),
    type: listed('type', lists.types, { required: true }),
    tier: listed('tier', lists.tiers),
    region: listed('region', lists.regions),
    productFocus: listedMany('productFocus', lists.products),
    plan: listed('plan', lists.plans),
    status: listed('status', PARTNER_STATUSES),
    joinedOn: isoDay('joinedOn'),
    notes: text('notes', { max: limits.notes }),
  });
}

/** The fields a partner form (or CSV row) may carry: its id and what the import maps columns to. */
const PARTNER_FIELDS = ['id', ...IMPORT_FIELDS.partners];

/** Checks a partner form (or CSV row); lists from Settings restrict Type, Tier, Region, Product Focus and Plan. */
export function validatePartnerInput(
  input: unknown,
  lists: Partial<FormOptions> = {},
): ValidationResult<PartnerInput> {
  return runSchema<PartnerInput>(partnerSchema(lists), PARTNER_FIELDS, input);
}
