import { apiHandler } from '../../shared/http/api-handler.ts';
import { setContact } from '../../shared/contracts/monitoring-assistance.ts';
import { setContact as set } from '../../shared/usecases/monitoring/assistance.ts';
import { getHouseholdMonitoring } from '../../shared/usecases/monitoring/views.ts';
import { monitoringDeps as deps } from './deps.ts';

export const handler = apiHandler(setContact, async ({ identity, params, body, now, requestId }) => {
  await set(deps, { identity, now, requestId }, params.householdId, body);
  return { status: 200, body: await getHouseholdMonitoring(deps, identity, params.householdId, now) };
});
