/** The commission core: plans -> desired ledger -> reconcile against the ledger; approvals. */
export type {
  CommissionKind,
  CommissionSettings,
  CommissionStatus,
  Deal,
  DesiredLine,
  Flag,
  LedgerLine,
  PartnerPlanRef,
  StatusChange,
} from './types';
export { desiredLedger, type DesiredLedger, type DesiredLedgerInput } from './desired-ledger';
export { reconcile, type ReconcileInput, type ReconcileResult } from './reconcile';
export { approveLines, rejectLines, type Decision } from './approvals';
export { baseKey, isAdjustmentKey, isAfterPayoutKey, isRejectedKey, keys, reversedIdOf } from './keys';
export {
  LOCKING_PAYOUT_STATUSES,
  OPEN_STATUSES,
  SETTLED_STATUSES,
  awaitsApproval,
  becomesEligible,
  isOpen,
  isSettled,
  isVoid,
  statusAfterHold,
} from './line-status';
export { commissionMessages } from './messages';
export { periodOf, type Period } from './period';
export { recurringDesired } from './recurring';
export { resolvePlans, versionOn, type PlanResolution } from './resolve-plans';
export { dealInPlanCurrency, type ConvertedDeal, type ExchangeTable } from './convert-deal';
export { planExample, type ExampleDeal, type PlanExample } from './plan-example';
