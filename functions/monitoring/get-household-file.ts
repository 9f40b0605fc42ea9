import { apiHandler } from '../../shared/http/api-handler.ts';
import { getHouseholdFile } from '../../shared/contracts/household-file.ts';
import { getHouseholdFile as get } from '../../shared/usecases/monitoring/household-file.ts';
import { monitoringDeps as deps } from './deps.ts';

export const handler = apiHandler(getHouseholdFile, async ({ identity, params }) => ({
  status: 200,
  body: await get(deps, identity, params.householdId),
}));
