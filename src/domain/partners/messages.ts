export const partnerMessages = {
  cannotRegister: (partnerName: string, id: string, status: string) =>
    `Leads cannot be registered for ${partnerName} (${id}): the partner is ${status}`,
  unknownPartner: (id: string) => `Partner ID '${id}' is not a partner in this tracker`,
  unknownStatus: (partnerName: string, id: string, problem: string) =>
    `Leads cannot be registered for ${partnerName} (${id}): ${problem}`,
} as const;
