import { apiHandler } from '../../shared/http/api-handler.ts';
import { addAssessment } from '../../shared/contracts/monitoring-assistance.ts';
import { addAssessment as add } from '../../shared/usecases/monitoring/assistance.ts';
import { monitoringDeps as deps } from './deps.ts';

export const handler = apiHandler(addAssessment, async ({ identity, params, body, now, requestId }) => ({
  status: 201,
  body: await add(deps, { identity, now, requestId }, params.householdId, body),
}));
