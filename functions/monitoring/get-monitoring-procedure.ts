import { apiHandler } from '../../shared/http/api-handler.ts';
import { getProcedure } from '../../shared/contracts/monitoring.ts';
import { getProcedure as get } from '../../shared/usecases/monitoring/views.ts';
import { monitoringDeps as deps } from './deps.ts';

export const handler = apiHandler(getProcedure, async ({ identity, params, now }) => ({
  status: 200,
  body: await get(deps, identity, params.procedureId, now),
}));
