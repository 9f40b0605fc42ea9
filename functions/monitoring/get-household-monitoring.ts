import { apiHandler } from '../../shared/http/api-handler.ts';
import { getHouseholdMonitoring } from '../../shared/contracts/monitoring-assistance.ts';
import { getHouseholdMonitoring as get } from '../../shared/usecases/monitoring/views.ts';
import { monitoringDeps as deps } from './deps.ts';

export const handler = apiHandler(getHouseholdMonitoring, async ({ identity, params, now }) => ({
  status: 200,
  body: await get(deps, identity, params.householdId, now),
}));
