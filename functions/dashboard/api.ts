/**
 * One Lambda function serves the dashboard routes (the stateless stack's 500-resource limit, see
 * `functions/monitoring/api.ts`): it dispatches on the API Gateway route key to the thin per-route
 * handlers, each `apiHandler(contract, …)`.
 */
import { dispatchByRoute, type AreaRoutes } from '../../shared/http/route-dispatch.ts';
import * as dashboard from '../../shared/contracts/dashboard.ts';
import { handler as getDashboard } from './get-dashboard.ts';
import { handler as refreshAreaAlerts } from './refresh-area-alerts.ts';

const ROUTES: AreaRoutes = [
  [dashboard.getDashboard, getDashboard],
  [dashboard.refreshAreaAlerts, refreshAreaAlerts],
];

export const handler = dispatchByRoute(ROUTES);
