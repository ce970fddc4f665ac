export { canRegisterLeads, checkCanRegister, type PartnerCheck } from './rules';
export { suggestTier, type TierThreshold } from './tier';
export { filterPartners } from './filter';
export { partnerMessages } from './messages';
