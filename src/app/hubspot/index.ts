/** HubSpot: the connection and the hourly deal sync. */
export { connectHubSpot, disconnectHubSpot, getHubSpot } from './connect';
export { runHubSpotSync, syncHubSpot, HUBSPOT_STATE } from './sync';
