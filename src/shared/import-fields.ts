/** The tracker fields a CSV column can fill, per kind (camelCase, as in api.ts): one list for the server and the sidebar. */
import type { ImportKind } from './api';

export const IMPORT_FIELDS: Readonly<Record<ImportKind, readonly string[]>> = {
  partners: [
    'partnerName',
    'contactName',
    'contactEmail',
    'type',
    'tier',
    'region',
    'productFocus',
    'plan',
    'status',
    'joinedOn',
    'notes',
  ],
  leads: [
    'partnerId',
    'company',
    'domain',
    'contactName',
    'contactEmail',
    'product',
    'estimatedValue',
    'currency',
    'notes',
    'source',
  ],
};

/** The label of the exchange-rate CSV (the argument of importExchangeRates, the sidebar's file field). */
export const RATES_CSV_LABEL = 'Rates CSV';
