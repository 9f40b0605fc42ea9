import { apiHandler } from '../../shared/http/api-handler.ts';
import { printHouseholdFile } from '../../shared/contracts/household-file.ts';
import { printHouseholdFile as print } from '../../shared/usecases/monitoring/household-file.ts';
import { monitoringDeps as deps } from './deps.ts';

export const handler = apiHandler(printHouseholdFile, async ({ identity, params, now }) => ({
  status: 200,
  file: {
    bytes: await print(deps, identity, params.householdId, now),
    contentType: 'text/html; charset=utf-8',
  },
}));
