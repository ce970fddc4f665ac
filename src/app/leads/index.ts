/** The lead use cases, as src/index.ts exposes them. */
export { registerLead } from './register';
export { getLead, listLeads } from './list';
export { pageLeads } from './page';
export { reviewLead, closeLead, extendLead } from './decide';
export { runLeadExpiry } from './expiry';
export { LEAD_STATUS_REACTION } from './status-edit';
export { stageDealChange, stageEditedDeals } from './deal-changes';
