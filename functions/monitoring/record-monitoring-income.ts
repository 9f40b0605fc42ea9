import { apiHandler } from '../../shared/http/api-handler.ts';
import { recordIncome } from '../../shared/contracts/monitoring-assistance.ts';
import { recordIncome as record } from '../../shared/usecases/monitoring/assistance.ts';
import { monitoringDeps as deps } from './deps.ts';

export const handler = apiHandler(recordIncome, async ({ identity, params, body, now, requestId }) => ({
  status: 201,
  body: await record(deps, { identity, now, requestId }, params.householdId, body),
}));
