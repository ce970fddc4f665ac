/** listPayouts(): every payout as plain data (major units, ISO days), in sheet order. */
import type { Payout } from '../../shared/api';
import type { AppContext } from '../context';
import { readPayouts, toPayout } from './payout-table';

export function listPayouts(ctx: AppContext): Payout[] {
  return readPayouts(ctx.table('payouts'), ctx.doc.days()).map((p) => toPayout(p.payout, p.lineCount));
}
