/**
 * Whom a payment file pays: the e-mail stamped on the payout when it was approved (a record read
 * from the sheet always carries it, '' when none was stamped); a record without the field (made in
 * code, not read from the sheet) pays the partner's Contact Email.
 */
import { PayoutError, payoutMessages as m } from './messages';
import type { PayoutPartner, PayoutRecord } from './types';

export function payeeOf(payout: PayoutRecord, partner: PayoutPartner | undefined, format: string): string {
  if (payout.payeeEmail !== undefined) {
    const stamped = payout.payeeEmail.trim();
    if (stamped === '') throw new PayoutError(m.noPayeeEmail(payout.id, format));
    return stamped;
  }
  const email = partner?.contactEmail.trim() ?? '';
  if (email === '') throw new PayoutError(m.noEmail(payout.partnerId, format));
  return email;
}
