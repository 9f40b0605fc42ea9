import { apiHandler } from '../../shared/http/api-handler.ts';
import { addMember } from '../../shared/contracts/households.ts';
import { registryDeps } from '../../shared/adapters/registry-deps.ts';
import { addMember as add } from '../../shared/usecases/registry/add-member.ts';
import { maskHousehold } from '../../shared/domain/household-view.ts';

export const handler = apiHandler(addMember, async ({ identity, params, body, requestId }) => {
  const household = await add(
    registryDeps,
    { identity, requestId },
    params.householdId,
    body.version,
    body.member,
  );
  return { status: 201, body: maskHousehold(household) };
});
