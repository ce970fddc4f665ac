import type { SheetDef } from '../schema-types';
import { LEAD_STATUSES } from '../../shared/statuses';
import { col, idCol } from './column';

export const LEADS: SheetDef = {
  key: 'leads',
  name: 'Leads',
  identifying: 'company',
  id: { column: 'leadId', kind: 'lead' },
  protection: 'columns',
  tracked: true,
  banded: true,
  columns: [
    idCol('leadId', 'Lead ID', 'The lead'),
    col('partnerId', 'Partner ID', 'The registering partner: a Partner ID from the Partners sheet.', {
      width: 100,
      validation: { kind: 'partnerRef' },
      strict: true,
    }),
    col('partnerName', 'Partner Name', 'Filled by the tracker from Partner ID.', {
      width: 180,
      protected: true,
    }),
    col('company', 'Company', 'The prospect company.', { width: 200, required: true }),
    col(
      'domain',
      'Domain',
      'The prospect’s web domain (example.com): used to find conflicting registrations.',
      {
        width: 150,
      },
    ),
    col('contactName', 'Contact Name', 'The contact at the prospect.', { width: 150 }),
    col('contactEmail', 'Contact Email', 'The contact’s email.', {
      width: 190,
      validation: { kind: 'email' },
      strict: false,
    }),
    col('product', 'Product', 'Product of interest (list in Settings > Products).', {
      width: 130,
      validation: { kind: 'list', list: 'products' },
      strict: false,
    }),
    col('estimatedValue', 'Estimated Value', 'Expected deal value, in Currency. Zero or more.', {
      width: 130,
      format: 'money',
      validation: { kind: 'nonNegative' },
      strict: true,
    }),
    col('currency', 'Currency', 'Currency of the values (list in Settings > Currencies).', {
      width: 90,
      validation: { kind: 'list', list: 'currencies' },
      strict: true,
    }),
    col('status', 'Status', 'Submitted, Approved, Rejected, Won, Lost or Expired.', {
      width: 110,
      validation: { kind: 'values', values: LEAD_STATUSES },
      strict: true,
    }),
    col('registeredOn', 'Registered On', 'Date the partner registered the lead.', {
      width: 120,
      format: 'date',
      validation: { kind: 'date' },
      strict: true,
    }),
    col('expiresOn', 'Expires On', 'End of the partner’s protection window. Filled by the tracker.', {
      width: 110,
      format: 'date',
      protected: true,
    }),
    col('decidedBy', 'Decided By', 'Who approved or rejected the registration.', { width: 170 }),
    col('decisionNote', 'Decision Note', 'Why it was approved or rejected.', { width: 220 }),
    col('closedOn', 'Closed On', 'Date the deal was won or lost.', {
      width: 110,
      format: 'date',
      validation: { kind: 'date' },
      strict: true,
    }),
    col('dealValue', 'Deal Value', 'Final deal value when won, in Currency. Zero or more.', {
      width: 120,
      format: 'money',
      validation: { kind: 'nonNegative' },
      strict: true,
    }),
    col('conflict', 'Conflict', 'Other registrations for the same company, found by the tracker.', {
      width: 200,
      protected: true,
    }),
    col('notes', 'Notes', 'Anything worth knowing.', { width: 240 }),
  ],
};
