/** Every message of the lead rules, in one place. */
/** What `leadMessages.laterRegistration` writes, recognized (domain/leads/overlap.ts ownConflict). */
export const LATER_REGISTRATION_NOTE = /^later registration \S+ by .* is for the same company$/;
/** What `leadMessages.moreLaterRegistrations` writes, recognized the same way (its count read back). */
export const MORE_LATER_NOTE = /^and (\d+) more later registrations? for the same company$/;

export const leadMessages = {
  sameDomain: (domain: string, leadId: string, partnerName: string, until: string) =>
    `same domain ${domain} as ${leadId}, ${partnerName}, protected until ${until}`,
  sameName: (candidate: string, existing: string, leadId: string, partnerName: string, until: string) =>
    `company name '${candidate}' matches '${existing}' of ${leadId}, ${partnerName}, protected until ${until}`,
  houseAccount: (domain: string) => `${domain} is a house account`,
  laterRegistration: (leadId: string, partnerName: string) =>
    `later registration ${leadId} by ${partnerName} is for the same company`,
  moreLaterRegistrations: (count: number) =>
    `and ${count} more later registration${count === 1 ? '' : 's'} for the same company`,
  moreConflicts: (count: number) => `and ${count} more possible conflict${count === 1 ? '' : 's'}`,
  ownNearName: (candidate: string, existing: string, leadId: string, until: string, why: string) =>
    `possible duplicate: company name '${candidate}' is close to '${existing}' of your own ${leadId}, protected until ${until} (${why})`,
  differentDomains: (a: string, b: string) => `different domains ${a} and ${b}`,
  differentNumber: () => 'the names differ in a number',
  nearName: () => 'check it is another company',
  duplicate: (company: string, leadId: string, status: string, until: string) =>
    `You already registered ${company} (${leadId}), still ${status} until ${until}`,
  unknownStatus: (value: string, allowed: readonly string[]) =>
    `Status '${value}' is not one of: ${allowed.join(', ')}`,
  illegalTransition: (from: string, to: string) => `Status cannot go from ${from} to ${to}`,
  wonNeedsDealValue: () => 'Won needs a Deal Value',
  already: (status: string) => `it is already ${status}`,
  startsAsSubmitted: () => 'A lead starts as Submitted (register it with Register lead)',
  windowEnded: (expiresOn: string) => `Protection window ended on ${expiresOn}`,
  cannotExtendStatus: (leadId: string, status: string) =>
    `${leadId} cannot be extended: it is ${status} (only Submitted or Approved leads are protected)`,
  cannotExtendEnded: (leadId: string, expiresOn: string) =>
    `${leadId} cannot be extended: its protection window ended on ${expiresOn}`,
  maxExtensions: (leadId: string, max: number) =>
    max === 0
      ? `${leadId} cannot be extended: Settings allow no extensions`
      : `${leadId} has already been extended ${max} time${max === 1 ? '' : 's'}, the maximum in Settings`,
} as const;
