/** camelCase field -> the column header a person sees. */
export const labels = {
  id: 'ID',
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
  reason: 'Reason',
  decision: 'Decision',
  note: 'Decision Note',
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
