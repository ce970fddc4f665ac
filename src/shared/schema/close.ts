import * as v from 'valibot';
import type { CloseDetails, CloseOutcome } from '../api';
import { decimalsProblem } from './decimals';
import { amount, isoDay, text } from './fields';
import { labelOf, limits } from './labels';
import { messages } from './messages';
import { FALLBACK_CURRENCY } from './lead';
import { runSchema, type ValidationResult } from './result';

const CLOSE_FIELDS = ['dealValue', 'closedOn', 'reason'] as const;

/**
 * Checks the details of closing a lead. Closing as won needs a Deal Value, with no more decimals
 * than the lead's currency allows.
 */
export function validateCloseDetails(
  input: unknown,
  options: { outcome?: CloseOutcome; currency?: string; decimal?: '.' | ',' } = {},
): ValidationResult<CloseDetails> {
  const currency = options.currency || FALLBACK_CURRENCY;
  const schema = v.object({
    dealValue: v.pipe(
      amount('dealValue', { required: options.outcome === 'won', decimal: options.decimal }),
      v.rawCheck(({ dataset, addIssue }) => {
        const problem = dataset.typed ? decimalsProblem('dealValue', dataset.value, currency) : undefined;
        if (problem) addIssue({ message: problem });
      }),
    ),
    closedOn: isoDay('closedOn'),
    reason: text('reason', { max: limits.note }),
  });
  const result = runSchema<CloseDetails>(schema, CLOSE_FIELDS, input ?? {});
  if (!result.ok && options.outcome === 'won') {
    for (const error of result.errors)
      if (error.message === messages.required(labelOf('dealValue')))
        error.message = messages.requiredFor(labelOf('dealValue'), 'to close a lead as Won');
  }
  return result;
}
