import { apiHandler } from '../../shared/http/api-handler.ts';
import { proposeRemoval } from '../../shared/contracts/monitoring.ts';
import { proposeChange } from '../../shared/usecases/monitoring/proposals.ts';
import { monitoringDeps as deps } from './deps.ts';

export const handler = apiHandler(proposeRemoval, async ({ identity, params, body, now, requestId }) => ({
  status: 201,
  body: await proposeChange(deps, { identity, now, requestId }, 'removal', params.householdId, body),
}));
