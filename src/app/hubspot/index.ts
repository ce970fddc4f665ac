/** HubSpot: the connection (the deal sync is not built yet). */
export { connectHubSpot, disconnectHubSpot, getHubSpot } from './connect';
