import { apiHandler } from '../../shared/http/api-handler.ts';
import { listLeads } from '../../shared/contracts/monitoring.ts';
import { listLeads as list } from '../../shared/usecases/monitoring/leads.ts';
import { monitoringDeps as deps } from './deps.ts';

export const handler = apiHandler(listLeads, async ({ identity, query }) => ({
  status: 200,
  body: await list(deps, identity, query, { limit: query.limit, cursor: query.cursor }),
}));
