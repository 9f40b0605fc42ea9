import { apiHandler } from '../../shared/http/api-handler.ts';
import { updateMember } from '../../shared/contracts/households.ts';
import { registryDeps } from '../../shared/adapters/registry-deps.ts';
import { updateMember as update } from '../../shared/usecases/registry/update-member.ts';
import { maskHousehold } from '../../shared/domain/household-view.ts';

export const handler = apiHandler(updateMember, async ({ identity, params, body, requestId }) => {
  const { householdId, memberId } = params;
  const household = await update(registryDeps, { identity, requestId }, householdId, memberId, body);
  return { status: 200, body: maskHousehold(household) };
});
