import type { SheetDef } from '../schema-types';
import { PARTNER_STATUSES } from '../../shared/statuses';
import { labels } from '../../shared/schema/labels';
import { col, idCol } from './column';

export const PARTNERS: SheetDef = {
  key: 'partners',
  name: 'Partners',
  identifying: 'partnerName',
  id: { column: 'partnerId', kind: 'partner' },
  protection: 'columns',
  tracked: true,
  banded: true,
  columns: [
    idCol('partnerId', labels.partnerId, 'The partner'),
    col('partnerName', labels.partnerName, 'The partner company as it appears on agreements.', {
      width: 200,
      required: true,
    }),
    col('contactName', labels.contactName, 'The main contact at the partner.', { width: 160 }),
    col('contactEmail', labels.contactEmail, 'Where notifications about leads and payouts go.', {
      width: 200,
      validation: { kind: 'email' },
      strict: false,
      money: true,
    }),
    col('type', labels.type, 'Kind of partnership (list in Settings > Types).', {
      width: 120,
      validation: { kind: 'list', list: 'types' },
      strict: true,
    }),
    col('tier', labels.tier, 'Program tier (list in Settings > Tiers).', {
      width: 110,
      validation: { kind: 'list', list: 'tiers' },
      strict: true,
    }),
    col('region', labels.region, 'Region the partner covers (list in Settings > Regions).', {
      width: 130,
      validation: { kind: 'list', list: 'regions' },
      strict: false,
    }),
    col(
      'productFocus',
      labels.productFocus,
      'Main product the partner sells (list in Settings > Products).',
      {
        width: 140,
        validation: { kind: 'list', list: 'products' },
        strict: false,
      },
    ),
    col('plan', labels.plan, 'Commission plan: a Plan Name from the Plans sheet.', {
      width: 150,
      validation: { kind: 'planRef' },
      strict: true,
      money: true,
    }),
    col('status', labels.status, 'Active, Paused or Terminated. Only active partners can register leads.', {
      width: 100,
      validation: { kind: 'values', values: PARTNER_STATUSES },
      strict: true,
      money: true,
    }),
    col('joinedOn', labels.joinedOn, 'Date the partner agreement started.', {
      width: 110,
      format: 'date',
      validation: { kind: 'date' },
      strict: true,
    }),
    col('notes', labels.notes, 'Anything worth knowing.', { width: 240 }),
    col(
      'additionalContacts',
      labels.additionalContacts,
      "Other e-mails (comma-separated) that may open the partner's own view file.",
      { width: 220 },
    ),
    col('statements', labels.statements, 'Monthly statement e-mail: Yes (blank) or No.', {
      width: 100,
      validation: { kind: 'values', values: ['Yes', 'No'] },
      strict: false,
    }),
    col(
      'tierLocked',
      labels.tierLocked,
      'Yes: automatic tiering leaves this partner’s Tier as typed. Blank: the daily run sets it by Settings > Tier Rules (when Automatic Tiering is TRUE).',
      { width: 100, validation: { kind: 'values', values: ['Yes', 'No'] }, strict: false },
    ),
    col(
      'tierHistory',
      labels.tierHistory,
      'Each tier change automatic tiering made: day, from, to and why. Filled by the tracker.',
      {
        width: 300,
        protected: true,
      },
    ),
  ],
};
