/** POST /cadence/comparisons/{month}/run — county staff: build the month's list again (202, in the background). */
import { apiHandler } from '../../shared/http/api-handler.ts';
import { runComparison } from '../../shared/contracts/cadence.ts';
import { requestRun } from '../../shared/usecases/cadence/request-run.ts';
import { cadenceDeps as deps } from './deps.ts';

export const handler = apiHandler(runComparison, async ({ identity, params, now }) => ({
  status: 202,
  body: await requestRun(deps, identity, 'comparison', params.month, now),
}));
