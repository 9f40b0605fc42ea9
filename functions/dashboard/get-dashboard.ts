import { apiHandler } from '../../shared/http/api-handler.ts';
import { getDashboard } from '../../shared/contracts/dashboard.ts';
import { getDashboard as dashboardOf } from '../../shared/usecases/dashboard/dashboard.ts';
import { dashboardDeps } from './deps.ts';

export const handler = apiHandler(getDashboard, async ({ identity, query, now }) => ({
  status: 200,
  body: await dashboardOf(dashboardDeps, identity, query, now),
}));
