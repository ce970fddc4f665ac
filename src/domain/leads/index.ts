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
