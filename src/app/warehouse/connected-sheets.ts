/**
 * Warehouse > Connected Sheets (the owner's): a data-source sheet over the warehouse's leads and a
 * pivot of them by status computed by BigQuery. Structure, like set-up: made once, and running it
 * again finishes what a failed run left (sheets/warehouse/connected.ts).
 */
import { requireMenuAuthorization } from '../../sheets/authorization';
import { TrackerDocument } from '../../sheets/document';
import { assertOwner } from '../../sheets/team';
import { type ConnectedSheetsResult, connectSheets } from '../../sheets/warehouse/connected';
import { fail } from '../user-error';
import { warehouseMessages } from './messages';
import { warehouseConfig } from './state';

export function connectWarehouseSheets(doc: TrackerDocument = new TrackerDocument()): ConnectedSheetsResult {
  try {
    assertOwner(doc, '');
  } catch {
    fail(warehouseMessages.notOwner());
  }
  const config = warehouseConfig(doc);
  if (!config) fail('Warehouse: it is off: turn it on in Settings > Warehouse first.');
  requireMenuAuthorization('warehouse');
  try {
    return connectSheets(doc.ss, config.projectId, config.dataset);
  } catch (err) {
    fail(
      `Warehouse: Connected Sheets could not read the warehouse: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}
