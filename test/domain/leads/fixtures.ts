import type { Lead } from '../../../src/shared/api';

export function lead(change: Partial<Lead> & Pick<Lead, 'id'>): Lead {
  return {
    partnerId: 'P-0002',
    partnerName: 'Beta Partners',
    company: 'Acme Inc',
    domain: '',
    contactName: '',
    contactEmail: '',
    product: '',
    estimatedValue: null,
    currency: 'USD',
    status: 'Approved',
    registeredOn: '2026-02-01',
    expiresOn: '2026-05-02',
    decidedBy: '',
    decisionNote: '',
    closedOn: '',
    dealValue: null,
    conflict: '',
    notes: '',
    source: 'Sourced',
    ...change,
  };
}
