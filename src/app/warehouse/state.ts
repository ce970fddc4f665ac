/**
 * Where the warehouse keeps its state: document properties (the settings, the cursor, the last
 * run's report), read and written through the execution's TrackerDocument.
 */
import { type WarehouseCursor, parseCursor } from '../../domain/warehouse/cursor';
import type { WarehouseConfig, WarehouseRunReport } from '../../shared/warehouse';
import type { TrackerDocument } from '../../sheets/document';

export const WAREHOUSE_PROPERTY = 'tracker.warehouse';
export const WAREHOUSE_CURSOR_PROPERTY = 'tracker.warehouseCursor';
export const WAREHOUSE_RUN_PROPERTY = 'tracker.warehouseRun';

export function warehouseConfig(doc: TrackerDocument): WarehouseConfig | null {
  const text = doc.property(WAREHOUSE_PROPERTY);
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<WarehouseConfig>;
    return typeof value.projectId === 'string' && typeof value.dataset === 'string'
      ? { projectId: value.projectId, dataset: value.dataset }
      : null;
  } catch {
    return null;
  }
}

export function warehouseCursor(doc: TrackerDocument): WarehouseCursor | null {
  return parseCursor(doc.property(WAREHOUSE_CURSOR_PROPERTY));
}

export function lastWarehouseRun(doc: TrackerDocument): WarehouseRunReport | null {
  const text = doc.property(WAREHOUSE_RUN_PROPERTY);
  if (!text) return null;
  try {
    return JSON.parse(text) as WarehouseRunReport;
  } catch {
    return null;
  }
}
