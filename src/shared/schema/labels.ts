/**
 * camelCase field -> the label a person sees: the header of the Partners or Leads column the field
 * is (the sheet definitions take their headers from here), or the label of a form field.
 */
export const labels = {
  id: 'ID',
  leadId: 'Lead ID',
  partnerName: 'Partner Name',
  contactName: 'Contact Name',
  contactEmail: 'Contact Email',
  type: 'Type',
  tier: 'Tier',
  region: 'Region',
  productFocus: 'Product Focus',
  plan: 'Plan',
  status: 'Status',
  joinedOn: 'Joined On',
  notes: 'Notes',
  partnerId: 'Partner ID',
  company: 'Company',
  domain: 'Domain',
  product: 'Product',
  estimatedValue: 'Estimated Value',
  currency: 'Currency',
  dealValue: 'Deal Value',
  closedOn: 'Closed On',
  registeredOn: 'Registered On',
  expiresOn: 'Expires On',
  decidedBy: 'Decided By',
  decisionNote: 'Decision Note',
  conflict: 'Conflict',
  reason: 'Reason',
  decision: 'Decision',
  note: 'Decision Note',
  additionalContacts: 'Additional Contacts',
  statements: 'Statements',
  source: 'Source',
  crmDealId: 'CRM Deal ID',
  tierLocked: 'Tier Locked',
  tierHistory: 'Tier History',
} as const;

export type LabelledField = keyof typeof labels;

export function labelOf(field: string): string {
  return (labels as Record<string, string>)[field] ?? field;
}

/** Field lengths: far below the 50,000 characters a cell holds. */
export const limits = {
  name: 200,
  email: 254,
  domain: 253,
  list: 500,
  note: 1000,
  notes: 5000,
} as const;
