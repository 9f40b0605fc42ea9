import { apiHandler } from '../../shared/http/api-handler.ts';
import { listProcedures } from '../../shared/contracts/monitoring.ts';
import { listProcedures as list } from '../../shared/usecases/monitoring/views.ts';
import { monitoringDeps as deps } from './deps.ts';

export const handler = apiHandler(listProcedures, async ({ identity, query, now }) => ({
  status: 200,
  body: await list(deps, identity, query, { limit: query.limit, cursor: query.cursor }, now),
}));
