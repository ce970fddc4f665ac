/** Every message of the commission engine and approvals, in one place. */
export const commissionMessages = {
  noPartner: (partnerId: string) => `Partner ${partnerId} is not in the Partners sheet`,
  noPlan: (partnerId: string) => `Partner ${partnerId} has no plan`,
  unknownPlan: (partnerId: string, plan: string) =>
    `Partner ${partnerId}'s plan '${plan}' is not in the Plans sheet`,
  invalidPlan: (plan: string, reason: string) => `Plan '${plan}' is invalid: ${reason}`,
  duplicatePlan: (plan: string, count: number) => `Plan '${plan}' is the name of ${count} plans`,
  wonWithoutValue: (leadId: string) => `Deal ${leadId} is Won but has no Deal Value or Closed On`,
  otherCurrency: (leadId: string, currency: string, plan: string, planCurrency: string) =>
    `Deal ${leadId} is in ${currency}; plan '${plan}' counts ${planCurrency}`,
  cannotCompute: (leadId: string, plan: string, reason: string) =>
    `Deal ${leadId} under plan '${plan}': ${reason}`,
  onHold: (id: string, until: string) => `${id} is on hold until ${until}`,
  notEligible: (id: string, status: string) => `${id} is ${status}; only Eligible lines can be approved`,
  notRejectable: (id: string, status: string) =>
    `${id} is ${status}; only Pending or Eligible lines can be rejected`,
  unknownLine: (id: string) => `No commission line ${id}`,
  reasonRequired: 'A reason is required to reject commission lines',
  approverRequired: 'Approved By and Approved On are required',
  voidNoLongerDue: (key: string) => `void: ${key} is no longer due`,
  voidChanged: (key: string) => `void: ${key} changed, replaced by a new line`,
  reverses: (id: string, key: string) => `reverses ${id}: ${key} is no longer due`,
  adjusts: (key: string, from: string, to: string, how: string) =>
    `adjusts ${key} from ${from} to ${to}: ${how}`,
  afterPayout: (id: string, payoutId: string) =>
    `; ${id} is already in ${payoutId ? `payout ${payoutId}` : 'a paid payout'}: needs approval before it is paid`,
  rejected: (by: string, reason: string) => `rejected${by ? ` by ${by}` : ''}: ${reason}`,
} as const;
