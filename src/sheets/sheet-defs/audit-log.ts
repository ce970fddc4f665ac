import type { SheetDef } from '../schema-types';
import { col } from './column';

/** Append-only, written by the tracker only; every cell is plain text so it reads back as hashed. */
export const AUDIT_LOG: SheetDef = {
  key: 'auditLog',
  name: 'Audit Log',
  identifying: 'hash',
  protection: 'sheet',
  tracked: false,
  banded: false,
  columns: [
    col('timestamp', 'Timestamp', 'When (ISO 8601, UTC).', { width: 190, format: 'plainText' }),
    col('user', 'User', 'Who made the change ("unknown" when Apps Script did not say: see the cell note).', {
      width: 180,
      format: 'plainText',
    }),
    col('source', 'Source', 'edit (a person in the sheet), sidebar, trigger, import or setup.', {
      width: 80,
      format: 'plainText',
    }),
    col('sheet', 'Sheet', 'The sheet changed.', { width: 100, format: 'plainText' }),
    col('recordId', 'Record ID', 'The id of the row changed.', { width: 100, format: 'plainText' }),
    col('field', 'Field', 'The column changed (its header).', { width: 130, format: 'plainText' }),
    col('cell', 'Cell', 'The cell, A1 notation, at the time of the change.', {
      width: 70,
      format: 'plainText',
    }),
    col('oldValue', 'Old Value', 'The value before.', { width: 180, format: 'plainText' }),
    col('newValue', 'New Value', 'The value after.', { width: 180, format: 'plainText' }),
    col(
      'hash',
      'Hash',
      'SHA-256 of the previous row’s Hash and this row: "Verify audit log" checks the chain.',
      {
        width: 160,
        format: 'plainText',
      },
    ),
  ],
};
