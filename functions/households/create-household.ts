import { apiHandler } from '../../shared/http/api-handler.ts';
import { createHousehold } from '../../shared/contracts/households.ts';
import { registryDeps } from '../../shared/adapters/registry-deps.ts';
import { createHousehold as create } from '../../shared/usecases/registry/create-household.ts';
import { maskHousehold } from '../../shared/domain/household-view.ts';

export const handler = apiHandler(createHousehold, async ({ identity, body, requestId }) => {
  const household = await create(registryDeps, { identity, requestId }, body);
  return { status: 201, body: maskHousehold(household) };
});
