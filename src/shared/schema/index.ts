/** The one validation schema shared by the sidebar and the server. */
export { validatePartnerInput, PARTNER_STATUSES } from './partner';
export { validateLeadInput, FALLBACK_CURRENCY } from './lead';
export { validateCloseDetails } from './close';
export { validateReviewDecision, REVIEW_DECISIONS, type ReviewInput } from './review';
export type { FieldError, ValidationResult } from './result';
export { labels, labelOf, limits } from './labels';
export { messages } from './messages';
export { currencyExponent, isCurrencyCode } from './currency';
export { normalizeDomain, isDomainName } from './domainName';
export { isIsoDay } from './isoDay';
export { readAmount, type AmountReading } from './amount';
export { plainAmount, decimalSeparatorOf, type DecimalSeparator } from './amount-text';
