/**
 * The warehouse step of every hourly run (app/triggers/daily.ts calls it before the day's jobs, so
 * the day's audit rotation finds the warehouse caught up): its own context, its own report.
 */
import { triggerActor } from '../../sheets/actor';
import type { TrackerDocument } from '../../sheets/document';
import type { Actor } from '../../sheets/writer';
import type { WarehouseRunReport } from '../../shared/warehouse';
import { AppContext } from '../context';
import { mirrorWarehouse } from './mirror';

/** The trigger's account, asked only if something reads it (the mirror writes no audit entry). */
function lazyActor(): Actor {
  let actor: Actor | null = null;
  const resolve = () => (actor ??= triggerActor());
  return {
    get email() {
      return resolve().email;
    },
    get note() {
      return resolve().note;
    },
  };
}

export function runWarehouseStep(
  doc: TrackerDocument,
  timeLeftMs: () => number,
): { warehouse?: WarehouseRunReport } {
  const report = mirrorWarehouse(new AppContext(doc, lazyActor(), 'trigger', new Date()), timeLeftMs);
  return report ? { warehouse: report } : {};
}
