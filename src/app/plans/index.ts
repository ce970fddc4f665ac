/** The plan use cases, as src/index.ts exposes them. */
export { savePlan } from './save-plan';
export { listPlans } from './list-plans';
export { recalculateCommissions } from './recalculate';
