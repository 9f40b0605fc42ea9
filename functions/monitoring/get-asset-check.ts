import { apiHandler } from '../../shared/http/api-handler.ts';
import { getAssetCheck } from '../../shared/contracts/monitoring.ts';
import { getAssetCheck as get } from '../../shared/usecases/monitoring/asset-checks.ts';
import { monitoringDeps as deps } from './deps.ts';

export const handler = apiHandler(getAssetCheck, async ({ identity, params, now, requestId }) => ({
  status: 200,
  body: await get(deps, { identity, now, requestId }, params.checkId),
}));
