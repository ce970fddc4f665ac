/**
 * Secrets of the person running the add-on, in their USER properties (PropertiesService
 * .getUserProperties): readable only by that person's executions of this script, never by another
 * editor of the file, never in a cell. The hourly trigger runs as the owner who installed it, so it
 * reads the owner's.
 */
export const HUBSPOT_TOKEN = 'tracker.hubspotToken';

export function userSecret(key: string): string | null {
  return PropertiesService.getUserProperties().getProperty(key);
}

export function setUserSecret(key: string, value: string | null): void {
  const store = PropertiesService.getUserProperties();
  if (value === null) store.deleteProperty(key);
  else store.setProperty(key, value);
}
