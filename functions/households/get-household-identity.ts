import { apiHandler } from '../../shared/http/api-handler.ts';
import { getHouseholdIdentity } from '../../shared/contracts/households.ts';
import { registryDeps } from '../../shared/adapters/registry-deps.ts';
import { getHouseholdIdentity as getIdentity } from '../../shared/usecases/registry/get-household-identity.ts';

/** Full names, resident IDs and phone; the read is in the audit trail before the answer leaves. */
export const handler = apiHandler(getHouseholdIdentity, async ({ identity, params, requestId }) => ({
  status: 200,
  body: await getIdentity(registryDeps, { identity, requestId }, params.householdId),
  headers: { 'cache-control': 'no-store' },
}));
