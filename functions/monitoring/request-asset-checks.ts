import { apiHandler } from '../../shared/http/api-handler.ts';
import { requestAssetChecks } from '../../shared/contracts/monitoring.ts';
import { requestAssetChecks as request } from '../../shared/usecases/monitoring/asset-checks.ts';
import { monitoringDeps as deps } from './deps.ts';

export const handler = apiHandler(requestAssetChecks, async ({ identity, params, now, requestId }) => ({
  status: 200,
  body: await request(deps, { identity, now, requestId }, params.procedureId),
}));
