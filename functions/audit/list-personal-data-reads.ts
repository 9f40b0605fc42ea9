import { apiHandler } from '../../shared/http/api-handler.ts';
import { listPersonalDataReads } from '../../shared/contracts/households.ts';
import { registryDeps } from '../../shared/adapters/registry-deps.ts';
import { listPersonalDataReads as listReads } from '../../shared/usecases/registry/list-personal-data-reads.ts';

export const handler = apiHandler(listPersonalDataReads, async ({ identity, query }) => {
  const { from, to, limit, cursor } = query;
  return { status: 200, body: await listReads(registryDeps, identity, { from, to }, { limit, cursor }) };
});
