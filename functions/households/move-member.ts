import { apiHandler } from '../../shared/http/api-handler.ts';
import { moveMember } from '../../shared/contracts/households.ts';
import { registryDeps } from '../../shared/adapters/registry-deps.ts';
import { moveMember as move } from '../../shared/usecases/registry/move-member.ts';
import { maskHousehold } from '../../shared/domain/household-view.ts';

/** Answers the target household, where the member now is. */
export const handler = apiHandler(moveMember, async ({ identity, params, body, requestId }) => {
  const { householdId, memberId } = params;
  const target = await move(registryDeps, { identity, requestId }, householdId, memberId, body);
  return { status: 200, body: maskHousehold(target) };
});
