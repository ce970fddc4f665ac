/** The payout use cases, as src/index.ts exposes them. */
export { createPayouts } from './create-payouts';
export { listPayouts } from './list-payouts';
export { approvePayout, markPayoutPaid } from './transitions';
export { exportPayouts } from './export-payouts';
