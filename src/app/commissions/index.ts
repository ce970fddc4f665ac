/** The commission ledger's use cases, as src/index.ts exposes them. */
export { runCommissions } from './run-commissions';
export { listCommissions, pageCommissions } from './list-commissions';
export { approveCommissions, rejectCommissions } from './approvals';
export { listNotComputed } from './not-computed';
