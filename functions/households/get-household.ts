import { apiHandler } from '../../shared/http/api-handler.ts';
import { getHousehold } from '../../shared/contracts/households.ts';
import { registryDeps } from '../../shared/adapters/registry-deps.ts';
import { getHousehold as get } from '../../shared/usecases/registry/get-household.ts';

export const handler = apiHandler(getHousehold, async ({ identity, params }) => ({
  status: 200,
  body: await get(registryDeps, identity, params.householdId),
}));
