import type { SheetDef } from '../schema-types';
import { LEAD_STATUSES } from '../../shared/statuses';
import { LEAD_SOURCES } from '../../shared/dashboard';
import { labels } from '../../shared/schema/labels';
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
    idCol('leadId', labels.leadId, 'The lead'),
    col('partnerId', labels.partnerId, 'The registering partner: a Partner ID from the Partners sheet.', {
      width: 100,
      validation: { kind: 'partnerRef' },
      strict: true,
      money: true,
    }),
    col('partnerName', labels.partnerName, 'Filled by the tracker from Partner ID.', {
      width: 180,
      protected: true,
    }),
    col('company', labels.company, 'The prospect company.', { width: 200, required: true }),
    col(
      'domain',
      labels.domain,
      'The prospect’s web domain (example.com): used to find conflicting registrations.',
      {
        width: 150,
      },
    ),
    col('contactName', labels.contactName, 'The contact at the prospect.', { width: 150 }),
    col('contactEmail', labels.contactEmail, 'The contact’s email.', {
      width: 190,
      validation: { kind: 'email' },
      strict: false,
    }),
    col('product', labels.product, 'Product of interest (list in Settings > Products).', {
      width: 130,
      validation: { kind: 'list', list: 'products' },
      strict: false,
    }),
    col('estimatedValue', labels.estimatedValue, 'Expected deal value, in Currency. Zero or more.', {
      width: 130,
      format: 'money',
      validation: { kind: 'nonNegative' },
      strict: true,
    }),
    col('currency', labels.currency, 'Currency of the values (list in Settings > Currencies).', {
      width: 90,
      validation: { kind: 'list', list: 'currencies' },
      strict: true,
      money: true,
    }),
    col('status', labels.status, 'Submitted, Approved, Rejected, Won, Lost or Expired.', {
      width: 110,
      validation: { kind: 'values', values: LEAD_STATUSES },
      strict: true,
      money: true,
    }),
    col('registeredOn', labels.registeredOn, 'Date the partner registered the lead.', {
      width: 120,
      format: 'date',
      validation: { kind: 'date' },
      strict: true,
    }),
    col('expiresOn', labels.expiresOn, 'End of the partner’s protection window. Filled by the tracker.', {
      width: 110,
      format: 'date',
      protected: true,
    }),
    col('decidedBy', labels.decidedBy, 'Who approved or rejected the registration.', { width: 170 }),
    col('decisionNote', labels.decisionNote, 'Why it was approved or rejected.', { width: 220 }),
    col('closedOn', labels.closedOn, 'Date the deal was won or lost.', {
      width: 110,
      format: 'date',
      validation: { kind: 'date' },
      strict: true,
      money: true,
    }),
    col('dealValue', labels.dealValue, 'Final deal value when won, in Currency. Zero or more.', {
      width: 120,
      format: 'money',
      validation: { kind: 'nonNegative' },
      strict: true,
      money: true,
    }),
    col('conflict', labels.conflict, 'Other registrations for the same company, found by the tracker.', {
      width: 200,
      protected: true,
    }),
    col('notes', labels.notes, 'Anything worth knowing.', { width: 240 }),
    col(
      'source',
      labels.source,
      'Sourced: the partner brought the deal (the default, also for a blank cell). Influenced: the partner helped a deal the company found.',
      { width: 110, validation: { kind: 'values', values: LEAD_SOURCES }, strict: false },
    ),
    col(
      'crmDealId',
      labels.crmDealId,
      'The HubSpot deal of this lead: set by the HubSpot sync when it pushes the approved lead as a deal or matches a deal to it. Clear it to push the lead again.',
      { width: 120 },
    ),
  ],
};
