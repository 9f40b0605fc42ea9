import { apiHandler } from '../../shared/http/api-handler.ts';
import { proposeElimination } from '../../shared/contracts/monitoring.ts';
import { proposeElimination as propose } from '../../shared/usecases/monitoring/proposals.ts';
import { monitoringDeps as deps } from './deps.ts';

export const handler = apiHandler(proposeElimination, async ({ identity, params, body, now, requestId }) => ({
  status: 201,
  body: await propose(deps, { identity, now, requestId }, params.householdId, body),
}));
