export { normalizeDomain, isFreeMailDomain, companyDomainOf } from './domains';
export { normalizeCompanyName, companyNameTokens } from './companyName';
export {
  namesMatch,
  keysMatch,
  keysMatchMasked,
  charMask,
  withinEdits,
  nameKey,
  editDistance,
  allowedEdits,
} from './similarity';
export { indexBlocks, queryBlocks } from './nameBlocks';
export {
  buildLeadIndex,
  addToIndex,
  emptyLeadIndex,
  findConflicts,
  duplicateMessage,
  type LeadIndex,
  type IndexedLead,
  type ConflictQuery,
  type ConflictReport,
} from './conflicts';
export {
  LEAD_STATUSES,
  TRANSITIONS,
  PROTECTED_STATUSES,
  isLeadStatus,
  isProtectedStatus,
  checkTransition,
  hasDealValue,
  isAllowedMove,
  DECIDED_STATUSES,
  CLOSED_STATUSES,
  type TransitionCheck,
} from './status';
export {
  DEFAULT_WINDOW,
  expiresOnFor,
  extensionsUsed,
  isProtected,
  extendWindow,
  expireLeads,
  leadsExpiringIn,
  type WindowSettings,
  type ExtensionResult,
} from './window';
export { leadMessages } from './messages';
export { conflictText, earlierLeadIds, withLaterRegistration } from './overlap';
export {
  EXTEND,
  EVENT_NOTICES,
  newLead,
  noticesOf,
  dealChangeOf,
  transitionLead,
  type LeadEvent,
  type LeadEventType,
  type LeadFacts,
  type LeadPatch,
  type LeadTarget,
  type Transition,
  type TransitionContext,
  type TransitionRefusal,
} from './transition';
export {
  DEAL_FIELDS,
  dealChange,
  mergeDealChanges,
  type DealChange,
  type DealField,
  type DealSide,
} from './deal-change';
