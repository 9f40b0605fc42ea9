import { apiHandler } from '../../shared/http/api-handler.ts';
import { addMeasure } from '../../shared/contracts/monitoring-assistance.ts';
import { addMeasure as add } from '../../shared/usecases/monitoring/assistance.ts';
import { monitoringDeps as deps } from './deps.ts';

export const handler = apiHandler(addMeasure, async ({ identity, params, body, now, requestId }) => ({
  status: 201,
  body: await add(deps, { identity, now, requestId }, params.householdId, body),
}));
