import { apiHandler } from '../../shared/http/api-handler.ts';
import { updateHousehold } from '../../shared/contracts/households.ts';
import { registryDeps } from '../../shared/adapters/registry-deps.ts';
import { updateHousehold as update } from '../../shared/usecases/registry/update-household.ts';
import { maskHousehold } from '../../shared/domain/household-view.ts';

export const handler = apiHandler(updateHousehold, async ({ identity, params, body, requestId }) => {
  const household = await update(registryDeps, { identity, requestId }, params.householdId, body);
  return { status: 200, body: maskHousehold(household) };
});
