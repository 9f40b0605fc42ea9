import { apiHandler } from '../../shared/http/api-handler.ts';
import { recordCountyApproval } from '../../shared/contracts/monitoring.ts';
import { recordCountyApproval as record } from '../../shared/usecases/monitoring/approval.ts';
import { monitoringDeps as deps } from './deps.ts';

export const handler = apiHandler(
  recordCountyApproval,
  async ({ identity, params, body, now, requestId }) => ({
    status: 200,
    body: await record(deps, { identity, now, requestId }, params.procedureId, body),
  }),
);
