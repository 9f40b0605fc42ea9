import { apiHandler } from '../../shared/http/api-handler.ts';
import { answerAssetCheck } from '../../shared/contracts/monitoring.ts';
import { answerAssetCheck as answer } from '../../shared/usecases/monitoring/asset-checks.ts';
import { monitoringDeps as deps } from './deps.ts';

export const handler = apiHandler(answerAssetCheck, async ({ identity, params, body, now, requestId }) => ({
  status: 200,
  body: await answer(deps, { identity, now, requestId }, params.checkId, body),
}));
