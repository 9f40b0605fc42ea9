import { apiHandler } from '../../shared/http/api-handler.ts';
import { listDeliberations } from '../../shared/contracts/deliberations.ts';
import { listDeliberations as list } from '../../shared/usecases/deliberations/read-deliberations.ts';
import { deliberationDeps } from './deps.ts';

export const handler = apiHandler(listDeliberations, async ({ identity, query }) => {
  const { limit, cursor, ...filter } = query;
  return {
    status: 200,
    body: await list(deliberationDeps.deliberations, identity, filter, { limit, cursor }),
  };
});
