/** A random key for the registration links: two version-4 UUIDs (244 random bits), from Utilities. */
export function newRandomKey(): string {
  return `${Utilities.getUuid()}${Utilities.getUuid()}`.replace(/-/g, '');
}
