import { apiHandler } from '../../shared/http/api-handler.ts';
import { getHouseholdHistory } from '../../shared/contracts/households.ts';
import { registryDeps } from '../../shared/adapters/registry-deps.ts';
import { getHouseholdHistory as history } from '../../shared/usecases/registry/get-household-history.ts';

export const handler = apiHandler(getHouseholdHistory, async ({ identity, params, query }) => ({
  status: 200,
  body: await history(registryDeps, identity, params.householdId, query),
}));
