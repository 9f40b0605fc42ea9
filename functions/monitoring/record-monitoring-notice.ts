import { apiHandler } from '../../shared/http/api-handler.ts';
import { recordNotice } from '../../shared/contracts/monitoring.ts';
import { recordNotice as record } from '../../shared/usecases/monitoring/steps.ts';
import { monitoringDeps as deps } from './deps.ts';

export const handler = apiHandler(recordNotice, async ({ identity, params, now, requestId }) => ({
  status: 200,
  body: await record(deps, { identity, now, requestId }, params.procedureId),
}));
