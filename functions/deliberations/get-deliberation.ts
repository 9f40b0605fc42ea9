import { apiHandler } from '../../shared/http/api-handler.ts';
import { getDeliberation } from '../../shared/contracts/deliberations.ts';
import { loadDeliberationInScope } from '../../shared/usecases/deliberations/read-deliberations.ts';
import { deliberationDeps } from './deps.ts';

export const handler = apiHandler(getDeliberation, async ({ identity, params }) => ({
  status: 200,
  body: await loadDeliberationInScope(deliberationDeps.deliberations, identity, params.deliberationId),
}));
