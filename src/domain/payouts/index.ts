/** The payout core: grouping approved lines, status transitions, payment-batch exports. */
export type { PayoutPartner, PayoutRecord, PayoutStatus } from './types';
export { planPayouts, type CarriedOver, type PlannedPayouts, type PlanPayoutsInput } from './plan-payouts';
export { markPayoutPaid } from './transitions';
export { PAYOUT_APPROVAL, approvalRule, approvePayout, type Approval, type ApprovalRule } from './approval';
export { assertExportable, exportProblems } from './export-checks';
export { exportPayoutsCsv } from './export-payouts';
export { GENERIC_HEADER } from './export-generic';
export { PAYPAL_COLUMNS } from './export-paypal';
export { WISE_HEADER } from './export-wise';
export { PayoutError, payoutMessages } from './messages';
