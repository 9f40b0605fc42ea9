import { apiHandler } from '../../shared/http/api-handler.ts';
import { updateMeasure } from '../../shared/contracts/monitoring-assistance.ts';
import { updateMeasure as update } from '../../shared/usecases/monitoring/assistance.ts';
import { monitoringDeps as deps } from './deps.ts';

export const handler = apiHandler(updateMeasure, async ({ identity, params, body, now, requestId }) => ({
  status: 200,
  body: await update(deps, { identity, now, requestId }, params.householdId, params.measureId, body),
}));
