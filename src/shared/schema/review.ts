import * as v from 'valibot';
import type { ReviewDecision } from '../api';
import { listed, text } from './fields';
import { limits } from './labels';
import { runSchema, type ValidationResult } from './result';

export const REVIEW_DECISIONS: readonly ReviewDecision[] = ['approve', 'reject'];

export interface ReviewInput {
  decision: ReviewDecision;
  note?: string;
}

/** Checks a review: decision "approve" or "reject", and an optional note. */
export function validateReviewDecision(input: unknown): ValidationResult<ReviewInput> {
  const schema = v.object({
    decision: listed('decision', REVIEW_DECISIONS, { required: true }),
    note: text('note', { max: limits.note }),
  });
  return runSchema<ReviewInput>(schema, ['decision', 'note'], input);
}
