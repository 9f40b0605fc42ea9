import { apiHandler } from '../../shared/http/api-handler.ts';
import { listAssetChecks } from '../../shared/contracts/monitoring.ts';
import { listAssetChecks as list } from '../../shared/usecases/monitoring/asset-checks.ts';
import { monitoringDeps as deps } from './deps.ts';

export const handler = apiHandler(listAssetChecks, async ({ identity, query }) => ({
  status: 200,
  body: await list(deps, identity, query.status, { limit: query.limit, cursor: query.cursor }),
}));
