/** getDashboard and getPartnerScorecard: reads only (no lock), each table once. */
import type { Dashboard, DashboardOptions, PartnerScorecard } from '../../shared/dashboard';
import { userContext } from '../leads/request';
import { dashboardFigures, partnerScorecard } from './figures';
import { readDashboardInputs } from './inputs';

const periodOption = (options: unknown): unknown =>
  options && typeof options === 'object' ? (options as DashboardOptions).period : undefined;

export function getDashboard(options?: unknown): Dashboard {
  const inputs = readDashboardInputs(userContext());
  return dashboardFigures(inputs, periodOption(options), inputs.reportingCurrency);
}

export function getPartnerScorecard(partnerId: unknown, options?: unknown): PartnerScorecard {
  const inputs = readDashboardInputs(userContext());
  return partnerScorecard(inputs, partnerId, periodOption(options), inputs.reportingCurrency);
}
