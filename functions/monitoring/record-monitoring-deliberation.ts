import { apiHandler } from '../../shared/http/api-handler.ts';
import { recordDeliberation } from '../../shared/contracts/monitoring.ts';
import { recordDeliberation as record } from '../../shared/usecases/monitoring/steps.ts';
import { monitoringDeps as deps } from './deps.ts';

export const handler = apiHandler(recordDeliberation, async ({ identity, params, body, now, requestId }) => ({
  status: 200,
  body: await record(deps, { identity, now, requestId }, params.procedureId, body.deliberationId),
}));
