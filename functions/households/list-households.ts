import { apiHandler } from '../../shared/http/api-handler.ts';
import { listHouseholds } from '../../shared/contracts/households.ts';
import { registryDeps } from '../../shared/adapters/registry-deps.ts';
import { listHouseholds as list } from '../../shared/usecases/registry/list-households.ts';

export const handler = apiHandler(listHouseholds, async ({ identity, query }) => {
  const { limit, cursor, ...filter } = query;
  return { status: 200, body: await list(registryDeps, identity, filter, { limit, cursor }) };
});
