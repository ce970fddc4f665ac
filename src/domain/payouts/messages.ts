/** Every message of the payout core, in one place. */
export class PayoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PayoutError';
  }
}

export const payoutMessages = {
  underMinimum: (partnerId: string, total: string, minimum: string) =>
    `${partnerId}: ${total} is under the ${minimum} minimum; carried over to the next run`,
  notPositive: (partnerId: string, total: string) =>
    `${partnerId}: ${total} is not a positive total; carried over`,
  alreadyApproved: (id: string, status: string) => `${id} is ${status}; only a Draft payout can be approved`,
  approveFirst: (id: string) => `${id} is Draft; approve it before marking it paid`,
  alreadyPaid: (id: string) => `${id} is already Paid`,
  referenceRequired: (id: string) => `A payment reference is required to mark ${id} paid`,
  paidOnRequired: (id: string) => `Paid On is required to mark ${id} paid`,
  amountMismatch: (id: string, amount: string, lines: string) =>
    `${id} is ${amount} but its lines sum to ${lines}; recreate the payout`,
  lineNotApproved: (id: string, lineId: string, status: string) =>
    `${id}: line ${lineId} is ${status}, not Approved`,
  secondPerson: (id: string, creator: string) =>
    `${id} was created by ${creator}: Settings > Payout Approval asks a second person on the Team to approve it`,
  approverUnknown: (id: string) =>
    `Apps Script did not give your email, so the tracker cannot tell that you did not create ${id}: Settings > Payout Approval asks a second person to approve it`,
  notPayable: (id: string, status: string) =>
    `${id} is ${status || 'without a status'}: only Approved payouts export as a payment file (approve it first; the CSV report lists payouts of any status)`,
  exportMismatch: (id: string, amount: string, lines: string) =>
    `${id}: its Amount cell is ${amount} but its lines sum to ${lines}; nothing was exported`,
  noPayeeEmail: (id: string, format: string) =>
    `${id} has no payee email stamped at its approval, which ${format} needs`,
  noPayouts: 'Select at least one payout to export',
  oneCurrency: (format: string, currencies: string[]) =>
    `A ${format} file holds one currency; the selected payouts are in ${currencies.join(', ')}: export each currency separately`,
  noEmail: (partnerId: string, format: string) =>
    `Partner ${partnerId} has no Contact Email, which ${format} needs`,
  unknownPartner: (partnerId: string) => `Partner ${partnerId} is not in the Partners sheet`,
  notApprovedForExport: (id: string, status: string, format: string) =>
    `${id} is ${status}; only Approved or Paid payouts go to ${format}: approve it first`,
} as const;
