import { apiHandler } from '../../shared/http/api-handler.ts';
import { removeMember } from '../../shared/contracts/households.ts';
import { registryDeps } from '../../shared/adapters/registry-deps.ts';
import { removeMember as remove } from '../../shared/usecases/registry/remove-member.ts';
import { maskHousehold } from '../../shared/domain/household-view.ts';

export const handler = apiHandler(removeMember, async ({ identity, params, body, requestId }) => {
  const { householdId, memberId } = params;
  const household = await remove(registryDeps, { identity, requestId }, householdId, memberId, body);
  return { status: 200, body: maskHousehold(household) };
});
