/** Partner status rules: only an Active partner registers leads. */
import type { Partner, PartnerStatus } from '../../shared/api';
import { partnerMessages } from './messages';
import { PARTNER_STATUS } from '../../shared/statuses';

export function canRegisterLeads(status: PartnerStatus | string): boolean {
  return status === PARTNER_STATUS.Active;
}

export type PartnerCheck<P> = { ok: true; partner: P } | { ok: false; message: string };

/**
 * The partner a lead is registered for, or why it cannot be. A blank status counts as Active; a
 * status the tracker does not know (`statusProblem`, from the sheet) refuses, saying which.
 */
export function checkCanRegister<P extends Pick<Partner, 'id' | 'partnerName' | 'status' | 'statusProblem'>>(
  partnerId: string,
  partners: readonly P[],
): PartnerCheck<P> {
  const partner = partners.find((p) => p.id === partnerId);
  if (!partner) return { ok: false, message: partnerMessages.unknownPartner(partnerId) };
  if (partner.statusProblem)
    return {
      ok: false,
      message: partnerMessages.unknownStatus(partner.partnerName, partner.id, partner.statusProblem),
    };
  const status = partner.status || PARTNER_STATUS.Active;
  if (!canRegisterLeads(status))
    return { ok: false, message: partnerMessages.cannotRegister(partner.partnerName, partner.id, status) };
  return { ok: true, partner };
}
