/** listPayouts(): every payout as plain data (major units, ISO days), in sheet order. */
import type { Payout } from '../../shared/api';
import type { AppContext } from '../context';
import { Days } from '../commissions/cells';
import { readPayouts, toPayout } from './payout-table';

export function listPayouts(ctx: AppContext): Payout[] {
  return readPayouts(ctx.table('payouts'), Days.of(ctx.doc.ss)).map((p) => toPayout(p.payout, p.lineCount));
}
